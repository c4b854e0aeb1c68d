/**
 * Concrete German suggestions for refusals, shared by flat-no and missing-alternative: what the refusal is about
 * (phrases.yml `topics`) decides the subject and two alternatives; informal replies get "du".
 */
import { PhraseSet, discourse, type Doc, type Sentence } from '@replylint/core';
import { topics } from './phrases.gen.ts';

interface TopicData { subject: string; refusal?: string; alternatives: [string, string] }
const TOPICS = new PhraseSet(topics, 'flat-no/topics');
const DEFAULT: TopicData = { subject: 'Das', refusal: 'Das ist leider nicht möglich', alternatives: ['[Alternative 1, mit Preis]', '[Alternative 2, mit Preis]'] };

/** Place of each topic in phrases.yml (made once, not per suggestion). */
const ORDER = new Map(topics.map((t, i) => [t, i]));

/** The topic of a refusal sentence (first entry in phrases.yml order that matches), or the default. */
export function topicOf(s: Sentence): TopicData {
  const hits = TOPICS.match(s).filter((h) => !s.items[h.match.from]!.quoted);
  if (hits.length === 0) return DEFAULT;
  hits.sort((a, b) => ORDER.get(a.entry)! - ORDER.get(b.entry)!);
  return hits[0]!.entry.data as TopicData;
}

const DU: Record<string, string> = { Ihnen: 'dir', Ihr: 'dein', Ihre: 'deine', Ihren: 'deinen', Ihrem: 'deinem', Ihrer: 'deiner', Ihres: 'deines', Sie: 'du' };
function du(text: string): string {
  return text
    .replace(/\bSagen Sie\b/g, 'Sag')
    .replace(/\bmöchten Sie\b/g, 'möchtest du')
    .replace(/\b(Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres|Sie)\b/g, (w) => DU[w]!);
}

function address(doc: Doc, text: string): string {
  return discourse.informal(doc) ? du(text) : text;
}

/** "Subject ist leider nicht möglich, weil [Grund]. Ich kann Ihnen stattdessen … anbieten: A oder B. …" */
export function suggestionFor(doc: Doc, s: Sentence): string {
  const t = topicOf(s);
  const refusal = t.refusal ?? `${t.subject} ist leider nicht möglich`;
  return address(doc, `${refusal}, weil [Grund in einfachen Worten]. ${choice(t)}`);
}

function choice(t: TopicData): string {
  return `Ich kann Ihnen stattdessen zwei Möglichkeiten anbieten: ${t.alternatives[0]} oder ${t.alternatives[1]}. Sagen Sie mir einfach, was Ihnen lieber ist.`;
}

/** The alternatives to add after a refusal that already says why. */
export function alternativesFor(doc: Doc, s: Sentence): string {
  return address(doc, ' ' + choice(topicOf(s)));
}

/** For a reply that sends the customer elsewhere: keep the case and still let the customer choose. */
export function ownershipFor(doc: Doc, s: Sentence): string {
  const t = topicOf(s);
  const alt = t === DEFAULT ? '[Alternative, mit Preis]' : t.alternatives[0];
  return address(doc, ` Ich kümmere mich selbst darum: Ich kläre das direkt mit [Hersteller/Dienstleister] und melde mich bis [Datum] bei Ihnen. Wenn Sie nicht so lange warten möchten, kann ich Ihnen stattdessen Folgendes anbieten: ${alt}. Was ist Ihnen lieber?`);
}
