/**
 * Templates: placeholders are opaque, the text around them is linted, and alternative branches are computed so
 * that rules can judge each branch with the shared text only (branchOf / sameBranchContext / contextSentences).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lint } from '../../replylint/src/index.ts';
import { buildDoc, findBranches, branchOf, sameBranchContext, contextSentences, type Doc } from '../src/index.ts';

const dir = fileURLToPath(new URL('./fixtures/formats/template/', import.meta.url));

/** The branches as [group, text] pairs, in order. */
const branches = (t: string): Array<[number, string]> => findBranches(t).map((b) => [b.group, t.slice(b.start, b.end)]);
const sentence = (doc: Doc, text: string) => doc.sentences.find((s) => s.text === text)!;

describe('template branches', () => {
  it('Handlebars if / else if / else, unless, nested blocks', () => {
    expect(branches('A {{#if a}}B{{else if b}}C{{else}}D{{/if}} E')).toEqual([[1, 'B'], [1, 'C'], [1, 'D']]);
    expect(branches('{{#unless paid}}X{{else}}Y{{/unless}}')).toEqual([[1, 'X'], [1, 'Y']]);
    expect(branches('{{#if a}}X{{#if b}}Y{{else}}Z{{/if}}W{{/if}}')).toEqual([[1, 'X{{#if b}}Y{{else}}Z{{/if}}W'], [2, 'Y'], [2, 'Z']]);
    expect(branches('{{~#if a~}}X{{~else~}}Y{{~/if~}}')).toEqual([[1, 'X'], [1, 'Y']]);
    // a loop is not a choice
    expect(branches('{{#each items}}X{{/each}}')).toEqual([]);
  });

  it('Mustache sections and their inverted section are one choice', () => {
    expect(branches('{{#vip}}X{{/vip}}\n{{^vip}}Y{{/vip}}')).toEqual([[1, 'X'], [1, 'Y']]);
    expect(branches('{{#a}}X{{/a}} Text {{^a}}Y{{/a}}')).toEqual([[1, 'X'], [2, 'Y']]);
  });

  it('Liquid if / elsif / else, unless, case / when', () => {
    expect(branches('{% if a %}X{% elsif b %}Y{% else %}Z{% endif %}')).toEqual([[1, 'X'], [1, 'Y'], [1, 'Z']]);
    expect(branches('{%- unless a -%}X{%- else -%}Y{%- endunless -%}')).toEqual([[1, 'X'], [1, 'Y']]);
    expect(branches('{% case s %} {% when "a" %}X{% when "b" %}Y{% else %}Z{% endcase %}')).toEqual([[1, 'X'], [1, 'Y'], [1, 'Z']]);
    expect(branches('{% for x in xs %}{% if x %}A{% endif %}{% endfor %}')).toEqual([[2, 'A']]);
  });

  it('survives unbalanced tags', () => {
    expect(branches('{{#if a}}X{{else}}Y')).toEqual([[1, 'X'], [1, 'Y']]);
    expect(branches('X{{/if}}Y{{else}}')).toEqual([]);
    expect(branches('{% if a %}X{% endunless %}Y{% endif %}')).toEqual([[1, 'X{% endunless %}Y']]);
  });

  it('branchOf / sameBranchContext / contextSentences: sibling branches never see each other, shared text goes with all', () => {
    const t = 'Hallo {{name}},\n{{#if vip}}\nDas geht nicht.\n{{else}}\nWir bieten Ihnen einen Gutschein an.\n{{/if}}\nDer Artikel ist ausverkauft.\n';
    const doc = buildDoc(t, 'template').doc;
    const refusal = sentence(doc, 'Das geht nicht.');
    const offer = sentence(doc, 'Wir bieten Ihnen einen Gutschein an.');
    const shared = sentence(doc, 'Der Artikel ist ausverkauft.');
    expect(branchOf(doc, refusal.start).map((b) => b.group)).toEqual([1]);
    expect(branchOf(doc, shared.start)).toEqual([]);
    expect(sameBranchContext(doc, refusal.start, offer.start)).toBe(false);
    expect(sameBranchContext(doc, refusal.start, shared.start)).toBe(true);
    expect(sameBranchContext(doc, shared.start, offer.start)).toBe(true);
    expect(contextSentences(doc, refusal, 2, 3).map((s) => s.text)).toEqual(['Hallo {{name}},', 'Das geht nicht.', 'Der Artikel ist ausverkauft.']);
    // without branches it is the plain window
    const plain = buildDoc('A ist da. B ist da. C ist da. D ist da.').doc;
    expect(contextSentences(plain, plain.sentences[1]!, 1, 1).map((s) => s.text)).toEqual(['A ist da.', 'B ist da.', 'C ist da.']);
  });

  it('excludes Liquid comment blocks (notes for the team, never sent)', () => {
    const t = '{% comment %}Das geht nicht.{% endcomment %}\nHallo {{ name }},\n{%- comment -%}\nMir sind die Hände gebunden.\n{%- endcomment -%}\nIhr Paket ist da.';
    expect(lint(t, { format: 'template' }).filter((f) => f.ruleId === 'flat-no')).toEqual([]);
    expect(lint(t, { format: 'template' }).length).toBe(0);
  });

  it('logic tags end sentences: a branch never merges with the text around it', () => {
    const doc = buildDoc('Ihr Paket {{#if express}}kommt morgen{{else}}kommt bald{{/if}} an.', 'template').doc;
    expect(doc.sentences.map((s) => s.text)).toEqual(['Ihr Paket', 'kommt morgen', 'kommt bald', 'an.']);
    const doc2 = buildDoc('Das geht nicht{{else if vip}}Wir bieten Ihnen Ersatz an{{~else~}}Gern{{~/if}}', 'template').doc;
    expect(doc2.sentences.map((s) => s.text)).toEqual(['Das geht nicht', 'Wir bieten Ihnen Ersatz an', 'Gern']);
  });
});

describe('template fixtures', () => {
  it('Handlebars: placeholders are opaque, shared text is linted at the exact position', () => {
    const t = readFileSync(dir + 'absage.hbs', 'utf8');
    const doc = buildDoc(t, 'template').doc;
    expect(doc.tokens.filter((x) => x.kind === 'opaque' && x.opaqueKind === 'placeholder').map((x) => x.text)).toEqual([
      '{{ticket.requester.first_name}}', '{{ticket.external_id}}',
    ]); // {{current_user.name}} is the signature after the closing line
    expect(findBranches(t).map((b) => b.group)).toEqual([1, 1, 2]);
    const shared = lint(t, { filePath: 'absage.hbs' }).filter((f) => f.ruleId === 'flat-no' && !branchOf(doc, f.start).length);
    expect(shared.map((f) => [f.line, f.column, f.actual])).toContainEqual([17, 1, 'Mir sind die Hände gebunden.']);
    expect(shared.every((f) => f.line < 20)).toBe(true); // nothing from the signature
    // the refusal in the else branch does not read the VIP branch's offer
    const refusal = sentence(doc, 'Das geht nicht.');
    expect(contextSentences(doc, refusal, 2, 3).map((s) => s.text)).not.toContain('Als Premium-Kunde erhalten Sie die Erstattung sofort auf Ihr Konto.');
  });

  it('Liquid: if/elsif/else and case/when are branch groups', () => {
    const t = readFileSync(dir + 'absage.liquid', 'utf8');
    const doc = buildDoc(t, 'template').doc;
    const groups = findBranches(t).map((b) => b.group);
    expect(groups).toEqual([1, 1, 1, 2, 2]);
    const f = lint(t, { filePath: 'absage.liquid' }).filter((x) => x.ruleId === 'flat-no' && x.actual === 'Das geht nicht.' && !branchOf(doc, x.start).length);
    expect(f.map((x) => [x.line, x.column])).toEqual([[22, 1]]);
    expect(sameBranchContext(doc, sentence(doc, 'Das geht nicht.').start, sentence(doc, 'Ihre Sendung ist unterwegs.').start)).toBe(false);
  });
});
