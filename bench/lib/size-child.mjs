// A fresh plain-node process (no tsx, nothing else loaded) for replylint's own memory and big documents:
//   node bench/lib/size-child.mjs <dist url> <file.txt> [configJson]    one document: the first lint of it
//   node bench/lib/size-child.mjs <dist url> <inputs.json> [configJson] batch: the 2 KB replies until 1 MB is linted
// Prints { ms, bytes, findings, rssMB, heapMB, maxRssMB, baseRssMB, excluded } (excluded: the share of the text
// not linted — quotes, signatures — which must stay near 0 for the timing to mean anything).
import { readFileSync } from 'node:fs';

const [dist, file, cfg] = process.argv.slice(2);
const m = await import(dist);
const config = cfg ? JSON.parse(cfg) : undefined;
const opts = config ? { config } : undefined;
m.lint('Das geht leider nicht.', opts);
const baseRssMB = process.memoryUsage().rss / 1048576;
let ms = 0, bytes = 0, findings = 0, excluded = 0;
if (file.endsWith('.json')) {
  let docs = JSON.parse(readFileSync(file, 'utf8')).replies2k;
  const t0 = performance.now();
  for (let i = 0; bytes < 1048576; i++) { const d = docs[i % docs.length]; findings += m.lint(d, opts).length; bytes += Buffer.byteLength(d); }
  ms = performance.now() - t0;
  docs = null;
} else {
  const text = readFileSync(file, 'utf8');
  const t0 = performance.now();
  const r = m.lintDetailed(text, opts);
  ms = performance.now() - t0;
  findings = r.findings.length;
  bytes = Buffer.byteLength(text);
  excluded = r.excluded.reduce((a, x) => a + x.end - x.start, 0) / text.length;
}
const mu = process.memoryUsage();
process.stdout.write(JSON.stringify({ ms, bytes, findings, rssMB: mu.rss / 1048576, heapMB: mu.heapUsed / 1048576, maxRssMB: process.resourceUsage().maxRSS / 1024, baseRssMB, excluded }) + '\n');
