/**
 * The registry: every rule, sorted by id. A test checks that every folder in rules/ is registered here and
 * documented.
 */
import { preloadVerbForms, type Rule } from '@replylint/core';
import { VERB_FORMS } from './_shared/verbs.gen.ts';
import apologyWithExcuse from './apology-with-excuse/rule.ts';
import blameShifting from './blame-shifting/rule.ts';
import blamingCustomer from './blaming-customer/rule.ts';
import decidingForCustomer from './deciding-for-customer/rule.ts';
import delayWithoutReason from './delay-without-reason/rule.ts';
import dismissive from './dismissive/rule.ts';
import emptyPhrase from './empty-phrase/rule.ts';
import flatNo from './flat-no/rule.ts';
import formalityMix from './formality-mix/rule.ts';
import impersonalSalutation from './impersonal-salutation/rule.ts';
import missingAlternative from './missing-alternative/rule.ts';
import paidHotline from './paid-hotline/rule.ts';
import paragraphHiding from './paragraph-hiding/rule.ts';

import passiveDecision from './passive-decision/rule.ts';

// verb forms as data from the build: the phrase sets compile on first use and read them instead of conjugating
preloadVerbForms(VERB_FORMS);

export const rules: readonly Rule[] = [
  apologyWithExcuse,
  blameShifting,
  blamingCustomer,
  decidingForCustomer,
  delayWithoutReason,
  dismissive,
  emptyPhrase,
  flatNo,
  formalityMix,
  impersonalSalutation,
  missingAlternative,
  paidHotline,
  paragraphHiding,
  passiveDecision,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)); // ids are ASCII; localeCompare would load the ICU collator at start-up (≈ 6 ms)

export const ruleMap: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));
