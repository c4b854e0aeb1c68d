/**
 * One engine in a fresh process (so that memory and JIT state of one engine never leak into another):
 *   node --import tsx bench/lib/engine-child.ts <engine> '<json plan>'
 * Prints one JSON line: { ok, latency, batch, prose, growth, memory } or { ok: false, error }.
 */
import { readInputs, growthDoc, SIZES } from './inputs.ts';
import { loadEngine, type EngineName } from './engines.ts';
import { summary, bytes, mib, rssMB, heapMB } from './stats.ts';

interface Plan {
  /** warm-up: at least this many calls and at least `warmupMs` of calls (the same time for every engine) */
  warmup: number;
  warmupMs: number;
  iterations: number;
  batchBytes: number;
  /** growth sizes (bytes) to run, largest first to be skipped when the budget says so */
  growth: number[];
  growthKind: 'replies' | 'prose';
  /** seconds: a size is skipped when the previous size predicts more than this */
  growthBudget: number;
}

async function main(): Promise<void> {
  const [name, planJson] = process.argv.slice(2) as [EngineName, string];
  const plan = JSON.parse(planJson) as Plan;
  const inputs = readInputs();
  const engine = await loadEngine(name);
  const run = engine.async ? async (t: string) => { await engine.lint(t); } : (t: string) => { engine.lint(t); };
  const out: Record<string, unknown> = { ok: true, engine: name, note: engine.note };
  const rss0 = rssMB();

  // warm-up, then per-reply latency on 2 KB replies (200 different replies, cycled)
  const docs = inputs.replies2k;
  const w0 = performance.now();
  for (let i = 0; i < plan.warmup || performance.now() - w0 < plan.warmupMs; i++) await run(docs[i % docs.length]!);
  const lat: number[] = [];
  for (let i = 0; i < plan.iterations; i++) {
    const t = docs[i % docs.length]!;
    const t0 = performance.now();
    await run(t);
    lat.push(performance.now() - t0);
  }
  out.latency = { ...summary(lat), docBytes: Math.round(docs.reduce((a, d) => a + bytes(d), 0) / docs.length) };

  // batch throughput in this one process: 2 KB replies, then 2 KB slices of prose
  const batch = async (list: string[], target: number): Promise<{ mbps: number; bytes: number; ms: number; docs: number }> => {
    let total = 0;
    let n = 0;
    const t0 = performance.now();
    while (total < target) {
      const t = list[n % list.length]!;
      await run(t);
      total += bytes(t);
      n++;
    }
    const ms = performance.now() - t0;
    return { mbps: mib(total) / (ms / 1000), bytes: total, ms, docs: n };
  };
  out.batch = await batch(docs, plan.batchBytes);
  out.prose = inputs.prose2k.length ? await batch(inputs.prose2k, plan.batchBytes) : null;
  out.memory = { rssMB: rssMB(), heapMB: heapMB(), rssBeforeMB: rss0 };

  // growth: one document of each size; small sizes repeated so that each takes a measurable time
  const growth: Array<Record<string, unknown>> = [];
  let lastMsPerMB = 0;
  for (const size of plan.growth) {
    const label = SIZES.find(([, s]) => s === size)?.[0] ?? `${size} B`;
    const predicted = (lastMsPerMB * mib(size)) / 1000;
    if (lastMsPerMB && predicted > plan.growthBudget) {
      growth.push({ size, label, skipped: `predicted ${predicted.toFixed(0)} s > budget ${plan.growthBudget} s` });
      continue;
    }
    const doc = await growthDoc(plan.growthKind, size);
    const b = bytes(doc);
    const reps = Math.max(1, Math.min(50, Math.floor((256 * 1024) / b)));
    await run(doc); // warm (also the first-call cost of a big document)
    const times: number[] = [];
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      await run(doc);
      times.push(performance.now() - t0);
    }
    const ms = summary(times).p50;
    lastMsPerMB = ms / mib(b);
    growth.push({ size, label, bytes: b, ms, msPerMB: lastMsPerMB, reps, rssMB: rssMB() });
  }
  out.growth = growth;
  out.memoryAfterGrowth = { rssMB: rssMB(), heapMB: heapMB(), maxRssMB: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e: unknown) => {
  process.stdout.write(JSON.stringify({ ok: false, error: e instanceof Error ? e.message.split('\n')[0] : String(e) }) + '\n');
  process.exitCode = 0;
});
