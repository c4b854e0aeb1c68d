import { defineRule, discourse, perWord, PhraseSet, type Doc, type Sentence, type Token } from '@replylint/core';
import { channel, directive, fee, supportProduct } from './phrases.gen.ts';

const FEE = new PhraseSet(fee, 'paid-hotline/fee');
const CHANNEL = new PhraseSet(channel, 'paid-hotline/channel');
const PRODUCT = new PhraseSet(supportProduct, 'paid-hotline/supportProduct');
const DIRECTIVE = new PhraseSet(directive, 'paid-hotline/directive');

/** Premium-rate prefixes (0900, 0180x, 0137x), also written "0900-1-555" or "+49 180 …". */
const PREMIUM = /^0?(?:900|180[1-7]?|137)\d*(?:[-/]\d+)*$/;
const PREMIUM_LONG = /^0(?:900|180[1-7]?)\d{4,}$/;
/**
 * A currency word or sign: '€', 'euro', 'eur', 'ct', 'cent'. Compared directly, not looked up in a set: a set look-up
 * hashes every token text it sees, and token texts are fresh strings (this runs over every token).
 */
function isCurrency(w: string): boolean {
  switch (w) {
    case '€': case 'euro': case 'eur': case 'ct': case 'cent': return true;
    default: return false;
  }
}
const PER = new Set(['min', 'minute', 'minuten', 'anruf', 'gespraech', 'verbindung']);


/** Item index of a real premium-rate number (not "die 0180-Nummer"), or -1. */
function premiumNumber(items: Token[]): number {
  for (let i = 0; i < items.length; i++) {
    const t = items[i]!;
    if (t.kind !== 'num' || t.quoted) continue;
    const next = items[i + 1];
    const digits = t.text.replace(/\s/g, '');
    if (PREMIUM_LONG.test(digits)) return i;
    if (/^0(?:900|180)/.test(digits) && /-\d/.test(digits) && PREMIUM.test(digits)) return i;
    const intl = i >= 2 && items[i - 1]!.text === '49' && items[i - 2]!.text === '+';
    if ((digits.startsWith('0') || intl) && PREMIUM.test(digits) && next && next.kind === 'num' && next.start - t.end <= 2) return i;
  }
  return -1;
}

/** A price per minute or per call ("14 ct/Min.", "0,20 €/Anruf", "20 Cent pro Anruf"). */
function perTimePrice(items: Token[]): number {
  for (let i = 0; i < items.length; i++) {
    const t = items[i]!;
    if (!isCurrency(t.norm) && !isCurrency(t.text)) continue;
    const prev = items[i - 1];
    if (!prev || prev.kind !== 'num') continue;
    const a = items[i + 1];
    const b = items[i + 2];
    if (a && b && (a.text === '/' || a.norm === 'pro' || a.norm === 'je') && PER.has(b.norm)) return i - 1;
  }
  return -1;
}

/** A money amount ("49 €", "9,90 €", "€ 29"). */
function priceAt(items: Token[]): number {
  for (let i = 0; i < items.length; i++) {
    const t = items[i]!;
    if (!(t.text === '€' || t.norm === 'euro' || t.norm === 'eur')) continue;
    if (items[i - 1]?.kind === 'num' || items[i + 1]?.kind === 'num') return i;
  }
  return -1;
}

/** A fee word: every fee phrase (phrases.yml `fee`) holds one, so a sentence without it needs no fee look-up. */
export const FEE_HINT = /pflicht|gebuehr|gegen|mehrwert|premium|sonderruf/;
/** Whether a folded word holds a fee word, worked out once per word and kept on its record (core's perWord). */
const feeWord = perWord((norm: string): boolean => FEE_HINT.test(norm));
const FREE = /^(?:kostenlos|kostenfrei|gebuehrenfrei|gratis|inklusive|enthalten)/;
const CLOSING = /^(?:(?:mit\s+)?(?:freundlichen|freundliche|viele|vielen|beste|besten|liebe|lieben|herzliche|herzlichen|schoene|schoenen|sonnige|gruesse)\b.*\bgruesse?n?\b|gruss\b|gruesse\b|mfg\b|lg\b|vg\b)/;

/** Index of the closing line ("Mit freundlichen Grüßen", "Viele Grüße" …), or Infinity. */
export function closingIndex(doc: Doc): number {
  for (const s of doc.sentences) {
    if (!s.line || s.items.length > 8) continue;
    const norm = s.items.filter((t) => t.kind === 'word').map((t) => t.norm).join(' ');
    if (CLOSING.test(norm)) return s.index;
  }
  return Infinity;
}

/** The reply invites the customer to call ("rufen Sie uns an", "telefonisch"). */
const CALL = new PhraseSet([{ pattern: ['<an|rufen>', 'telefonisch', '<telefonieren>', 'hotline', '*hotline'] }], 'paid-hotline/call');

/** The clause (by item index) is negated or says the channel is free. */
function negatedOrFree(s: Sentence, item: number): boolean {
  const clause = s.clauses.find((c) => item >= c.from && item < c.to) ?? s.clauses[0]!;
  if (discourse.negationsIn(s, clause).length > 0) return true;
  for (const t of s.items) if (FREE.test(t.norm) || (t.kind === 'num' && /^0800/.test(t.text))) return true;
  return false;
}

const CUSTOMER_ASKED = (text: string): boolean => /\b(?:Sie hatten|Du hattest|Sie haben|Du hast)\b/.test(text) && /\bgefragt\b/.test(text);

const NOTE = 'Gebühren für eine kleine Frage zum eigenen Vertrag empfinden Kunden als Unding. Bieten Sie einen kostenlosen Weg an: 0800-Nummer, Rückruf, Antwort per E-Mail oder Chat.';

function informal(s: Sentence): boolean {
  return s.items.some((t) => !t.quoted && (t.norm === 'du' || t.norm === 'dir' || t.norm === 'dich' || t.norm.startsWith('dein')));
}

export default defineRule({
  id: 'paid-hotline',
  meta: {
    type: 'problem',
    description: 'Meldet Verweise auf kostenpflichtige Hotlines und Servicekanäle (0900, 0180, „gegen Gebühr“).',
    severity: 'error',
    unit: 'sentence',
    messages: {
      premiumNumber: 'Kostenpflichtige Servicenummer ({{what}}): Für eine Frage zum eigenen Kauf oder Vertrag soll der Kunde nicht zahlen. Nennen Sie einen kostenlosen Weg.',
      paidChannel: 'Kostenpflichtiger Servicekanal ({{what}}): Für eine Frage zum eigenen Kauf oder Vertrag soll der Kunde nicht zahlen. Nennen Sie einen kostenlosen Weg.',
    },
  },
  create(ctx) {
    
    let closing: number | null = null; // the closing line, found when a premium number needs it
    let lastReported = -2;
    return {
      sentence(s) {
        if (discourse.isQuotedHistory(ctx.doc, s)) return;
        const items = s.items;
        let what = '';
        let messageId: 'premiumNumber' | 'paidChannel' = 'paidChannel';
        // one pass for what the checks below cannot do without: a number (premium numbers and prices) and a fee word
        let hasNum = false, hint = false;
        for (let i = 0; i < items.length; i++) {
          const t = items[i]!;
          if (t.kind === 'num') hasNum = true;
          else if (t.kind === 'word' && !hint && feeWord(t.word)) hint = true;
        }
        const num = hasNum ? premiumNumber(items) : -1;
        if (num >= 0) {
          const clause = s.clauses.find((c) => num >= c.from && num < c.to) ?? s.clauses[0]!;
          if (discourse.negationsIn(s, clause).length > 0 || negatedOrFree(s, num)) return;
          // a number in the signature counts when the reply sends the customer to the phone
          closing ??= closingIndex(ctx.doc);
          if (s.index > closing && !ctx.doc.sentences.slice(0, closing).some((x) => CALL.test(x))) return;
          what = items[num]!.text.startsWith('0900') || items[num]!.text === '900' ? '0900-Nummer' : items[num]!.text === '0137' ? '0137-Nummer' : '0180-Nummer';
          messageId = 'premiumNumber';
        } else {
          // a price per minute and a money amount both sit next to a number: without one the item scans are spared
          const per = hasNum ? perTimePrice(items) : -1;
          const price = hasNum ? priceAt(items) : -1;
          // cheap pre-check: without a price or a fee word nothing below can match (every fee phrase holds a fee word)
          if (per < 0 && price < 0 && !hint) return;
          // "0900 1 555 666. Anrufe kosten 1,49 € pro Minute." – the price of the number just named
          if (per >= 0 && lastReported === s.index - 1) return;
          if (per >= 0 && CHANNEL.test(s) && !negatedOrFree(s, per)) {
            what = 'Minuten- oder Anrufpreis';
          } else {
            // the fee phrases are looked up only now, and only in a sentence with a fee word (each of them holds one)
            const feeHit = hint ? FEE.match(s).find((h) => !items[h.match.from]!.quoted) : undefined;
            if (feeHit && CHANNEL.test(s) && !negatedOrFree(s, feeHit.match.from)) {
              what = items.slice(feeHit.match.from, feeHit.match.to).map((t) => t.text).join(' ');
            } else {
              if (price < 0) return;
              const prod = PRODUCT.match(s)[0];
              if (!prod || !DIRECTIVE.test(s) || negatedOrFree(s, price) || s.question) return;
              if (CUSTOMER_ASKED(s.text)) return;
              what = `${items[prod.match.from]!.text} gegen Bezahlung`;
            }
          }
        }
        if (s.question && messageId === 'paidChannel') return;
        lastReported = s.index;
        const du = informal(s);
        ctx.report({
          messageId,
          data: { what },
          start: s.start,
          end: s.end,
          note: NOTE,
          suggestions: [{
            desc: 'Durch einen kostenlosen Kontaktweg ersetzen',
            text: du
              ? 'Antworte einfach auf diese Nachricht oder ruf uns kostenlos unter [0800-Nummer] an – ich kümmere mich direkt darum.'
              : 'Antworten Sie einfach auf diese E-Mail oder rufen Sie uns kostenlos unter [0800-Nummer] an – ich kümmere mich direkt darum.',
          }],
        });
      },
    };
  },
});
