/**
 * The format layer, construct by construct: quoted history and signatures in plain text, HTML, Markdown, raw
 * e-mail fallback, format detection, and speed of the plain-text path. Probe: flat-no.
 */
import { describe, it, expect } from 'vitest';
import { lint, lintDetailed } from '../../replylint/src/index.ts';
import { prepare, detectFormat, buildDoc, type FormatName } from '../src/index.ts';

const flatNo = (text: string, format: FormatName = 'text'): Array<{ line: number; column: number; text: string }> =>
  lint(text, { format }).filter((f) => f.ruleId === 'flat-no').map((f) => ({ line: f.line, column: f.column, text: text.slice(f.start, f.end) }));

/** The parts of the text that are left for linting (white space collapsed, padding dropped). */
const kept = (text: string, format: FormatName = 'text'): string => prepare(text, format).text.replace(/[\u200b\u2060]/g, '').replace(/\s+/g, ' ').trim();

describe('plain text: quoted history', () => {
  it('excludes > lines at any depth, keeps the inline answers between them', () => {
    const t = 'Hallo Herr Kraus,\n\n> Das geht nicht.\n>> Mir sind die Hände gebunden.\n> > > Das geht nicht.\n\nDas geht nicht.\nIhr Paket ist schon beim Zusteller.\n\n   > Das geht nicht.\n';
    expect(flatNo(t)).toEqual([{ line: 7, column: 1, text: 'Das geht nicht.' }]);
    expect(lintDetailed(t).excluded.map((e) => [e.reason, t.slice(e.start, e.end)])).toEqual([
      ['quote', '> Das geht nicht.\n>> Mir sind die Hände gebunden.\n> > > Das geht nicht.'],
      ['quote', '   > Das geht nicht.'],
    ]);
  });

  it('excludes everything after "Am … schrieb …:" (one line, wrapped, English) when no > lines follow', () => {
    for (const attribution of [
      'Am 12.03.2024 um 10:15 schrieb Max Muster <max.muster@example.de>:',
      'Am Di., 12. März 2024 um 10:15 Uhr schrieb Max Muster <\nmax.muster@example.de>:',
      'On Tue, Mar 12, 2024 at 10:15 AM Max Muster <max@example.com> wrote:',
      'Max Muster <max@example.de> schrieb am 12.03.2024 10:15:',
    ]) {
      const t = `Guten Tag,\n\nIhr Paket ist unterwegs.\n\n${attribution}\n\nDas geht nicht. Mir sind die Hände gebunden.\n`;
      expect(flatNo(t)).toEqual([]);
      expect(kept(t)).toBe('Guten Tag, Ihr Paket ist unterwegs.');
    }
  });

  it('does not take the agent\'s own "schrieb" line for an attribution', () => {
    for (const line of ['Am Telefon schrieb ich Ihnen bereits:', 'Am 12.03. schrieb ich Ihnen:', 'Wie Sie schrieben:', 'Max Muster schrieb:']) {
      const t = `Hallo,\n\n${line}\nDas geht nicht.\nDas Lager ist zu.\n`;
      expect(prepare(t).text, line).toBe(t);
    }
  });

  it('excludes the attribution line of an inline reply only', () => {
    const t = 'Hallo,\n\nAm 12.03.2024 um 10:15 schrieb Max Muster:\n> Geht das?\n\nDas geht nicht.\nSchönen Tag noch.\n';
    expect(flatNo(t)).toEqual([{ line: 6, column: 1, text: 'Das geht nicht.' }]);
    expect(kept(t)).toBe('Hallo, Das geht nicht. Schönen Tag noch.');
  });

  it('excludes everything after "-----Ursprüngliche Nachricht-----", Outlook header blocks and forwarded messages', () => {
    const tails = [
      '-----Ursprüngliche Nachricht-----\nVon: Max Muster [mailto:max@example.de]\nGesendet: Dienstag, 12. März 2024 10:15\n',
      '-----Original Message-----\nFrom: Max\n',
      'Gesendet: Dienstag, 12. März 2024 um 10:15 Uhr\nVon: "Max Muster" <max@example.de>\nAn: service@example.de\nBetreff: Bestellung\n',
      'Von: Max Muster <max@example.de>\nDatum: Dienstag, 12. März 2024 um 10:15\nAn: Service <service@example.de>\nBetreff: Bestellung\n',
      '________________________________\nVon: Max Muster <max@example.de>\nGesendet: Dienstag, 12. März 2024 10:15\nAn: Service <service@example.de>\nBetreff: AW: Bestellung\n',
      'Von: Max Muster <max@example.de>\nGesendet: Dienstag, 12. März 2024 10:15\nAn: Service <service@example.de>\nCc: Team\nBetreff: AW: Bestellung\n',
      '*Von:* Max Muster <max@example.de>\n*Gesendet:* Dienstag, 12. März 2024 10:15\n*An:* Service\n*Betreff:* Bestellung\n',
      'From: Max Muster <max@example.com>\nSent: Tuesday, March 12, 2024 10:15 AM\nTo: Service\nSubject: RE: Order\n',
      '---------- Weitergeleitete Nachricht ---------\nVon: Shop <shop@example.de>\nDate: Mo., 11. März 2024\n',
      '-------- Weitergeleitete Nachricht --------\nBetreff: Bestellung\n',
      '---------- Forwarded message ---------\nFrom: Shop\n',
      '-------- Original-Nachricht --------\nBetreff: Bestellung\n',
      'Anfang der weitergeleiteten Nachricht:\n\nVon: Shop\n',
    ];
    for (const tail of tails) {
      const t = `Hallo Frau Roth,\nIhre Gutschrift ist gebucht.\n\n${tail}\nDas geht nicht.\nMir sind die Hände gebunden.\n`;
      expect(flatNo(t), tail).toEqual([]);
      expect(kept(t), tail).toBe('Hallo Frau Roth, Ihre Gutschrift ist gebucht.');
      const reasons = new Set(lintDetailed(t).excluded.map((e) => e.reason));
      expect(reasons.has(/weitergeleit|forward/i.test(tail) ? 'forward' : 'quote'), tail).toBe(true);
    }
  });

  it('does not take a "Von:" line in the body for a header block', () => {
    const t = 'Von: Montag bis Freitag\nAn: allen Werktagen\nDas geht nicht.\nDas Lager ist geschlossen.\n';
    expect(prepare(t).text).toBe(t);
  });
});

describe('plain text: signatures and closing', () => {
  it('excludes everything after "-- "', () => {
    const t = 'Hallo,\nIhr Konto ist freigeschaltet.\n\n-- \nDas geht nicht.\nMax Muster\n';
    expect(flatNo(t)).toEqual([]);
    expect(lintDetailed(t).excluded).toEqual([{ start: t.indexOf('-- '), end: t.length, reason: 'signature' }]);
  });

  it('keeps the closing greeting line, excludes the name, company, address, phone and imprint lines after it', () => {
    const t = [
      'Sehr geehrte Frau Wolf,', '', 'Ihre Bestellung ist unterwegs.', '', 'Mit freundlichen Grüßen', '', 'Max Muster',
      'Teamleitung Kundenservice', 'Beispiel GmbH', 'Musterweg 1, 12345 Berlin', 'Tel.: +49 30 1234567', 'Fax: +49 30 1234568',
      'E-Mail: service@beispiel.de', 'Web: www.beispiel.de', 'Geschäftsführer: Das geht nicht', 'Sitz der Gesellschaft: Berlin',
      'Amtsgericht Charlottenburg HRB 12345', 'USt-IdNr.: DE123456789', 'Mir sind die Hände gebunden.', '',
    ].join('\n');
    expect(flatNo(t)).toEqual([]);
    expect(kept(t)).toBe('Sehr geehrte Frau Wolf, Ihre Bestellung ist unterwegs. Mit freundlichen Grüßen');
    const doc = buildDoc(t).doc;
    expect(doc.sentences.map((s) => s.text)).toEqual(['Sehr geehrte Frau Wolf,', 'Ihre Bestellung ist unterwegs.', 'Mit freundlichen Grüßen']);
  });

  it('recognises the usual closings', () => {
    for (const closing of ['Mit freundlichen Grüßen', 'Freundliche Grüße aus Hamburg', 'Viele Grüße', 'Beste Grüße,', 'Liebe Grüße', 'Herzliche Grüße', 'MfG', 'Gruß', 'Mit besten Grüßen', 'Best regards', 'Mit freundlichen Grüssen', 'Vielen Dank und freundliche Grüße', 'Danke und viele Grüße']) {
      const t = `Hallo,\nIhr Paket ist da.\n\n${closing}\nDas geht nicht.\n`;
      expect(flatNo(t), closing).toEqual([]);
      expect(kept(t), closing).toBe(`Hallo, Ihr Paket ist da. ${closing}`);
    }
  });

  it('lints a P.S. after the signature', () => {
    const t = 'Hallo,\nIhr Paket ist da.\n\nViele Grüße\nMax\n\nPS: Das geht nicht.\nDas Lager ist zu.\n';
    expect(flatNo(t)).toEqual([{ line: 7, column: 1, text: 'PS: Das geht nicht.' }]);
  });

  it('excludes an imprint block without a closing greeting', () => {
    const t = 'Ihr Paket ist da.\n\nBeispiel GmbH · Musterweg 1 · 12345 Berlin\nGeschäftsführer: Mir sind die Hände gebunden\nAmtsgericht Berlin HRB 1\n';
    expect(flatNo(t)).toEqual([]);
    expect(kept(t)).toBe('Ihr Paket ist da.');
  });

  it('never merges a salutation or a closing line with a long body line', () => {
    const t = 'Sehr geehrte Frau Professorin Dr. Annegret Musterfrau-Schneider\nIhre Bestellung ist heute bei uns im Lager angekommen und geht morgen raus\nMit freundlichen Grüßen\n';
    const doc = buildDoc(t).doc;
    expect(doc.sentences.map((s) => s.text)).toEqual([
      'Sehr geehrte Frau Professorin Dr. Annegret Musterfrau-Schneider',
      'Ihre Bestellung ist heute bei uns im Lager angekommen und geht morgen raus',
      'Mit freundlichen Grüßen',
    ]);
  });

  it('leaves plain text without quotes or signature untouched (the identity)', () => {
    const t = 'Hallo Herr Meier,\n\nvielen Dank. Ihr Paket ist unterwegs.\n';
    const p = prepare(t, 'text');
    expect(p.text).toBe(t);
    expect(p.excluded).toEqual([]);
  });
});

describe('html', () => {
  it('decodes entities in place: later ranges do not shift', () => {
    const t = '<p>Hallo&nbsp;Herr M&uuml;ller,</p><p>nach &sect;&nbsp;5 &mdash; &auml;&ouml;&uuml; &#228;&#x00E4; &amp; &lt;3 &quot;x&quot;. Das geht nicht.</p>';
    expect(flatNo(t, 'html')).toEqual([{ line: 1, column: t.indexOf('Das geht') + 1, text: 'Das geht nicht.' }]);
    expect(kept(t, 'html')).toBe('Hallo Herr Müller, nach § 5 — äöü ää & <3 "x". Das geht nicht.');
  });

  it('a finding that ends on an entity covers the whole entity', () => {
    const t = '<div>Das geht nicht&#46;</div><div>Mir sind die H&auml;nde gebunden&period;</div>';
    expect(flatNo(t, 'html').map((f) => f.text)).toEqual(['Das geht nicht&#46;', 'Mir sind die H&auml;nde gebunden&period;']);
    // messages quote the decoded text without the invisible padding
    expect(lint(t, { format: 'html' }).filter((f) => f.ruleId === 'flat-no')[1]!.message).toContain('Mir sind die Hände gebunden');
  });

  it('excludes head, style, script, blockquote and webmail quote containers', () => {
    const q = 'Das geht nicht.';
    const cases = [
      `<head><title>${q}</title></head>`,
      `<style>/* ${q} */</style>`,
      `<script>// ${q}</script>`,
      `<blockquote>${q}</blockquote>`,
      `<blockquote type="cite"><p>${q}</p></blockquote>`,
      `<div class="gmail_quote"><div class="gmail_attr">Am 12.03.2024 schrieb Max:</div><blockquote class="gmail_quote">${q}</blockquote></div>`,
      `<div class="moz-cite-prefix">Am 12.03.24 um 10:15 schrieb Max:<br></div><blockquote type="cite">${q}</blockquote>`,
      `<div class="yahoo_quoted"><div>${q}</div></div>`,
      `<div class="gmail_signature">${q}</div>`,
      `<div class="moz-signature">-- <br>${q}</div>`,
      `<hr><div id="divRplyFwdMsg"><b>Von:</b> Max<br><b>Gesendet:</b> Dienstag</div><div>${q}</div>`,
      `<div id="appendonsend"></div><hr><div>${q}</div>`,
      `<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p><b>Von:</b> Max<br><b>Gesendet:</b> Dienstag<br><b>An:</b> Service</p></div><p>${q}</p>`,
      `<p>Von: Max Muster<br>Gesendet: Dienstag, 12. März 2024<br>An: Service<br>Betreff: Frage</p><p>${q}</p>`,
    ];
    for (const c of cases) {
      const t = `<html><body><p>Hallo Frau Roth,</p><p>Ihre Gutschrift ist gebucht.</p>${c}</body></html>`;
      expect(flatNo(t, 'html'), c).toEqual([]);
      expect(kept(t, 'html'), c).toBe('Hallo Frau Roth, Ihre Gutschrift ist gebucht.');
    }
  });

  it('inline tags join what they touch (Word/Outlook split words into spans); ranges stop before closing tags', () => {
    const t = '<p class="MsoNormal"><span lang="DE">Mir sind die H</span><span class="SpellE">ä</span><span lang="DE">nde gebunden.</span></p><p><b>Das geht nicht.</b></p>';
    const f = flatNo(t, 'html');
    expect(f.map((x) => x.text.replace(/<[^>]*>/g, ''))).toEqual(['Mir sind die Hände gebunden.', 'Das geht nicht.']);
    expect(f[1]!.text).toBe('Das geht nicht.');
    expect(kept(t, 'html')).toBe('Mir sind die Hände gebunden. Das geht nicht.');
  });

  it('source line breaks inside tags and text are white space (Outlook wraps long tags)', () => {
    const t = '<p class=MsoNormal><span\nstyle=\'font-size:11.0pt;\nfont-family:"Calibri"\'>Das geht</span>\n<span lang=DE\n>nicht.</span></p>';
    expect(flatNo(t, 'html').map((f) => [f.line, f.column])).toEqual([[3, 24]]);
    expect(buildDoc(t, 'html').doc.sentences.map((s) => s.text.replace(/[\u2060\s]+/g, ' ').trim())).toEqual(['Das geht nicht.']);
  });

  it('lints the body of a message whose <head> is never closed', () => {
    const t = '<html><head><meta charset="utf-8"><title>Das geht nicht.</title><style>p{}</style><div>Ihr Paket ist da.</div><p>Das geht nicht.</p>';
    expect(kept(t, 'html')).toBe('Ihr Paket ist da. Das geht nicht.');
  });

  it('turns block elements into line breaks: sentences never run across them', () => {
    const t = '<div>Hallo Frau Roth</div><div>Das geht nicht</div><p>Ihr Konto ist gesperrt</p><ul><li>eins</li><li>zwei</li></ul>Zeile<br>Zeile';
    const doc = buildDoc(t, 'html').doc;
    expect(doc.sentences.map((s) => s.text.replace(/\s+/g, ' '))).toEqual(['Hallo Frau Roth', 'Das geht nicht', 'Ihr Konto ist gesperrt', 'eins', 'zwei', 'Zeile', 'Zeile']);
    expect(prepare(t, 'html').text.length).toBe(t.length);
  });

  it('joins source line breaks inside a paragraph (they are spaces in HTML)', () => {
    const t = '<p>Ihre Rücksendung\n  ist angekommen.\n  Das geht\n  nicht.</p>';
    expect(flatNo(t, 'html')).toEqual([{ line: 3, column: 3, text: 'Das geht\n  nicht.' }]);
  });

  it('keeps replylint comments as directives, drops other comments', () => {
    const t = '<p>Das geht nicht.</p>\n<!-- replylint-disable-next-line flat-no -->\n<p>Das geht nicht.</p>\n<!--[if mso]>Das geht nicht.<![endif]-->';
    expect(flatNo(t, 'html').map((f) => f.line)).toEqual([1]);
  });
});

describe('markdown', () => {
  it('blanks syntax, keeps text at its source offsets', () => {
    const t = '# Ihre *Anfrage*\n\nHallo **Frau** [Roth](https://example.de/das-geht-nicht "Das geht nicht"),\n\n1. Ihr Paket\\* ist &quot;unterwegs&quot;.\n\n![Das geht nicht.](bild.png)\n';
    expect(kept(t, 'markdown')).toBe('Ihre Anfrage Hallo Frau Roth , Ihr Paket* ist "unterwegs".');
    expect(flatNo(t, 'markdown')).toEqual([]);
  });

  it('excludes code and blockquotes, lints emphasis content at the exact column', () => {
    const t = 'Hallo,\n\n> Das geht nicht.\n\n`Das geht nicht.`\n\n```\nDas geht nicht.\n```\n\n    Das geht nicht.\n\n**Das geht nicht.**\n';
    expect(flatNo(t, 'markdown')).toEqual([{ line: 13, column: 3, text: 'Das geht nicht.' }]);
    expect(new Set(lintDetailed(t, { format: 'markdown' }).excluded.map((e) => e.reason))).toEqual(new Set(['quote', 'code']));
  });

  it('keeps HTML comments as comments (inline directives)', () => {
    const t = '<!-- replylint-disable-next-line flat-no -->\nDas geht nicht.\n\nDas geht nicht.\n';
    expect(flatNo(t, 'markdown').map((f) => f.line)).toEqual([4]);
  });
});

describe('raw e-mail (synchronous fallback; lintEmail decodes MIME)', () => {
  const header = 'From: Service <service@example.de>\nTo: Max <max@example.de>\nSubject: Re: Bestellung\nDate: Tue, 12 Mar 2024 10:15:00 +0100\nMIME-Version: 1.0\n';
  it('lints a single text/plain 7bit body in place, header excluded', () => {
    const t = `${header}Content-Type: text/plain; charset=utf-8\n\nHallo Max,\nDas geht nicht.\nDas Lager ist zu.\n\n> Das geht nicht.\n`;
    expect(detectFormat(undefined, t)).toBe('email');
    expect(lint(t).filter((f) => f.ruleId === 'flat-no').map((f) => [f.line, f.column])).toEqual([[9, 1]]);
    expect(lintDetailed(t).excluded[0]).toMatchObject({ start: 0, reason: 'header' });
  });
  it('excludes an encoded or multipart body instead of linting garbage', () => {
    const t = `${header}Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\nDas geht nicht.=20\n`;
    expect(flatNo(t, 'email')).toEqual([]);
    expect(lintDetailed(t, { format: 'email' }).excluded.map((e) => e.reason)).toEqual(['header', 'mime']);
  });
});

describe('detectFormat', () => {
  it('goes by extension', () => {
    const cases: Array<[string, FormatName]> = [['a.txt', 'text'], ['a.md', 'markdown'], ['a.markdown', 'markdown'], ['a.html', 'html'], ['a.HTM', 'html'], ['a.eml', 'email'], ['a.hbs', 'template'], ['a.handlebars', 'template'], ['a.mustache', 'template'], ['a.liquid', 'template']];
    for (const [f, fmt] of cases) expect(detectFormat(f, 'Hallo'), f).toBe(fmt);
  });
  it('sniffs the content', () => {
    expect(detectFormat(undefined, '<!DOCTYPE html><html><body>Hallo</body></html>')).toBe('html');
    expect(detectFormat('antwort', '  <div dir="ltr">Hallo<br></div>')).toBe('html');
    expect(detectFormat(undefined, 'Hallo,<br>\ndanke.<br>\nGruß</p>')).toBe('html');
    expect(detectFormat(undefined, 'Return-Path: <a@b.de>\nReceived: from x\n\tby y\nFrom: a@b.de\nSubject: Hallo\n\nText')).toBe('email');
    expect(detectFormat(undefined, 'Hallo {{name}},\n{{#if vip}}Danke!{{/if}}')).toBe('template');
    expect(detectFormat(undefined, '{% if a %}x{% endif %}')).toBe('template');
    expect(detectFormat(undefined, 'Hallo Herr Meier,\nVon: Montag an sind wir da.\n')).toBe('text');
    expect(detectFormat(undefined, 'Betreff: Ihre Anfrage\n\nHallo')).toBe('text');
  });
});

describe('large and hostile plain-text input', () => {
  // Speed and linear growth are measured by `pnpm bench` (growth rows), not asserted here.
  it('prepares a large reply without quotes, keeping every character position', () => {
    const para = 'Sehr geehrte Damen und Herren, vielen Dank für Ihre Nachricht vom 12. März.\nAm Montag schicken wir Ihnen den Ersatz, die Sendungsnummer folgt per E-Mail\nVon hier aus geht es dann weiter.\n\n';
    const big = para.repeat(8000);
    const p = prepare(big, 'text');
    expect(p.text.length).toBe(big.length);
    expect(p.excluded).toEqual([]);
  });
  it('handles thousands of quote blocks (a long inline-reply thread)', () => {
    const t = '> Frage\n> noch eine Zeile\nAntwort des Agenten.\n\n'.repeat(20000);
    const p = prepare(t, 'text');
    expect(p.excluded).toHaveLength(20000);
  });
  it('keeps hostile lines intact', () => {
    const lines = ['Am ' + '1'.repeat(5000), '> ' + 'x'.repeat(5000), 'Von: ' + ':'.repeat(5000), '-'.repeat(5000), 'Mit freundlichen Grüßen ' + 'a'.repeat(5000)];
    const t = lines.join('\n').repeat(100);
    expect(prepare(t, 'text').text.length).toBe(t.length);
  });
});

describe('plain text: greetings that are not closings', () => {
  it('"Grüß Gott," opens a reply: the body after it stays linted', () => {
    const t = 'Grüß Gott, Frau Huber,\n\ndas geht nicht.\n\nViele Grüße\nAnna Berger\n';
    const found = lint(t, { format: 'text' }).filter((f) => f.ruleId === 'flat-no');
    expect(found.map((f) => f.line)).toEqual([3]);
  });
});
