/**
 * replylint in an application: check a reply before the agent sends it.
 *   node examples/node-api/index.js
 * `lint` is synchronous and pure (no file system): the same call works in a browser or a worker.
 */
import { lint, lintDetailed, lintEmail, rules } from 'replylint';

// 1. A draft from the ticket editor.
const draft = `Hallo Frau Berg,

das geht nicht. Wir nehmen generell keine Saisonware zurück.

Viele Grüße
Tom`;

const findings = lint(draft, { config: { rules: { 'missing-alternative': 'warn' } } });
for (const f of findings) {
  const level = f.severity === 2 ? 'Fehler' : 'Warnung';
  console.log(`${f.line}:${f.column} ${level} [${f.ruleId}] ${f.message}`);
  console.log(`    betrifft: „${draft.slice(f.start, f.end)}“ – ${f.url}`);
}

// 2. Block sending when there are errors; warnings are shown but allowed.
const canSend = !findings.some((f) => f.severity === 2);
console.log(canSend ? 'Senden erlaubt.' : 'Senden gesperrt: bitte erst die Fehler beheben.');

// 3. HTML from a rich-text editor: quoted history and markup are not linted; lintDetailed says what was skipped.
const html = '<p>Gerne tausche ich den Artikel für Sie um.</p><blockquote>Das geht nicht.</blockquote>';
const detailed = lintDetailed(html, { format: 'html' });
console.log(`HTML: ${detailed.findings.length} Befunde, ausgenommen: ${detailed.excluded.map((x) => x.reason).join(', ')}`);

// 4. A whole e-mail (.eml bytes from the mail server): decoded, text/plain part preferred.
if (typeof lintEmail === 'function') {
  const eml = 'Content-Type: text/plain; charset=utf-8\r\n\r\nDas geht nicht.\r\n';
  const mail = await lintEmail(new TextEncoder().encode(eml));
  console.log(`E-Mail (${mail.part}): ${mail.findings.map((f) => f.ruleId).join(', ')}`);
}

// 5. The rule list, e.g. for a settings page.
console.log(`${rules.length} Regeln: ${rules.map((r) => r.id).join(', ')}`);
