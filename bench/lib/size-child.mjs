// One big document in a fresh process: node bench/lib/size-child.mjs <dist url> <input file> [configJson]
// Prints { ms, bytes, findings, rssMB, heapMB, maxRssMB } — the first lint of the document (cold for this size).
import { readFileSync } from 'node:fs';

const [dist, file, cfg] = process.argv.slice(2);
const m = await import(dist);
const config = cfg ? JSON.parse(cfg) : undefined;
m.lint('Das geht leider nicht.', config ? { config } : undefined);
const text = readFileSync(file, 'utf8');
const t0 = performance.now();
const findings = m.lint(text, config ? { config } : undefined);
const ms = performance.now() - t0;
const mu = process.memoryUsage();
process.stdout.write(JSON.stringify({ ms, bytes: Buffer.byteLength(text), findings: findings.length, rssMB: mu.rss / 1048576, heapMB: mu.heapUsed / 1048576, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
