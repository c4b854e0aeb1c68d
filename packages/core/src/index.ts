/**
 * @replylint/core — the engine. Pure: text in, findings out. No fs, no process, no vscode: the same code runs
 * in Node, in a browser and in a language server.
 */
export { lintText, buildDoc, type Finding, type Suggestion, type LintOptions, type LintResult } from './linter.ts';
export { defineRule, ruleUrl, formatMessage, snippet, DOCS_BASE, type Rule, type RuleMeta, type RuleContext, type RuleVisitors, type ReportSpec, type SuggestionSpec, type SeverityName, type RuleUnit, type OptionSpec } from './rule.ts';
export { PhraseSet, indexWords, type PhraseEntry, type PhraseHit } from './phrases.ts';
export { compilePattern, matchPattern, matchAll, PatternError, type CompiledPattern, type PatternMatch } from './pattern.ts';
export { verbForms, preloadVerbForms, conjugateLemma, type VerbForms, type VerbFormTable } from './morph.ts';
export { segment } from './segment.ts';
export { cleanText, fold } from './normalize.ts';
export { findOpaque, type OpaqueSpan } from './mask.ts';
export { LineIndex } from './lines.ts';
export * as lexicon from './lexicon.ts';
export * as discourse from './discourse.ts';
export { parseConfig, validateConfig, resolveConfig, presetRules, ConfigValidationError, DEFAULT_MAX_SIZE, PRESETS, type UserConfig, type ResolvedConfig, type ResolvedRule, type RuleSetting, type ConfigError, type Override } from './config.ts';
export { findDirectives, type Directive } from './directives.ts';
export { prepare, detectFormat, sniffFormat, mailHeaderEnd, FORMATS, branchOf, sameBranchContext, contextSentences, findBranches, type FormatName, type Prepared, type Excluded, type Branch } from './formats/index.ts';
export { addressForm, byAddress, type AddressForm } from './address.ts';
export { perWord, perSentence, perDoc, type Word } from './words.ts';
export type { Doc } from './doc.ts';
export type { Token, Sentence, Clause, Paragraph, TokenKind } from './types.ts';
