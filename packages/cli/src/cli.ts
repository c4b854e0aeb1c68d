/**
 * replylint command line.
 *   replylint [Optionen] [Dateien|Ordner|Muster|-]
 * Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage, configuration or
 * I/O error — always with a message that says what and where.
 */
import { parseArgs } from 'node:util';
import { dirname, relative, resolve, extname, sep } from 'node:path';
import { rules, ConfigValidationError, type Finding, type UserConfig, type RuleSetting, type ResolvedConfig } from 'replylint';
import { FORMATS } from '@replylint/core';
import { readStdin, decodeDetailed, encode, InputError } from './io.ts';
import { ConfigResolver, ConfigFileError, configToJson, type FileConfig } from './config-loader.ts';
import { discover } from './files.ts';
import { FORMAT_NAMES, loadFormatter, type FileResult, type OutputFormat } from './formatters/index.ts';
import { lintSource, lintEmail, hashBytes, loadHasher, type Task, type Outcome } from './lint-file.ts';
import pkg from '../package.json';
import { builtin } from './builtin.ts';

export const VERSION: string = pkg.version;

const HELP = `replylint ${VERSION} — prüft deutsche Kundenservice-Antworten

Aufruf: replylint [Optionen] [Dateien|Ordner|Muster|-]

Eingabe
  <Datei> <Ordner> <Muster>   Dateien, Ordner (alle Vorlagen darin) und Glob-Muster wie "vorlagen/**/*.md"
  -                           Text von der Standardeingabe lesen
      --stdin-filename <n>    Dateiname für die Standardeingabe (für Format und Konfiguration)
      --input-format <f>      Eingabeformat: ${FORMATS.join(', ')} (Standard: nach Dateiendung und Inhalt)
      --ignore-pattern <m>    Dateien ausschließen (gitignore-Syntax, relativ zum Arbeitsordner; mehrfach möglich)
      --no-ignore             .replylintignore, .gitignore, ignorePatterns und --ignore-pattern nicht beachten
      --no-gitignore          .gitignore nicht beachten
      --no-error-on-unmatched-pattern   kein Fehler, wenn ein Muster oder Ordner keine Dateien liefert

Konfiguration
  -c, --config <datei>        diese Konfigurationsdatei verwenden (statt der nächstgelegenen .replylintrc)
      --rule <id:stufe>       Regel setzen, z. B. --rule flat-no:off (mehrfach möglich)
      --print-config <datei>  die für eine Datei wirksame Konfiguration als JSON ausgeben
      --list-rules            alle Regeln mit Schweregrad, Beschreibung und Doku-Link (mit --format json als JSON)

Ausgabe
  -f, --format <name>         ${FORMAT_NAMES.join(', ')} (Standard: stylish)
  -o, --output-file <datei>   Bericht in eine Datei schreiben statt auf die Standardausgabe
      --quiet                 nur Fehler melden (Warnungen ausblenden und nicht zählen)
      --max-warnings <n>      mit Code 1 beenden, wenn es mehr als n Warnungen gibt
      --color, --no-color     Farben erzwingen oder abschalten (Standard: nur im Terminal, NO_COLOR wird beachtet)
      --no-progress           keinen Fortschritt anzeigen
      --debug                 Konfiguration und nicht geprüfte Teile (Zitate, Signaturen, Markup) je Datei zeigen

Korrigieren
      --fix                   sichere Vorschläge anwenden und die Dateien atomar schreiben
      --fix-dry-run           Korrekturen als Unified Diff zeigen, nichts ändern

Große Läufe
      --cache                 Ergebnisse zwischenspeichern (nach Inhalt und Konfiguration)
      --cache-location <p>    Cache-Datei oder -Ordner (Standard: .replylintcache)
      --cache-strategy <s>    metadata (Größe und Änderungszeit, Standard) oder content (Inhalt immer vergleichen)
      --concurrency <n>       Anzahl Worker-Threads: auto (Standard), off oder eine Zahl

  -h, --help                  diese Hilfe
  -v, --version               Version

Exit-Codes: 0 keine Fehler · 1 Fehler gefunden (oder zu viele Warnungen) · 2 Aufruf-, Konfigurations- oder Lesefehler`;

class UsageError extends Error {}

let linted = false;
/** Whether this process linted anything (the bin writes its code cache only after such a run, so that it holds the engine). */
export function hasLinted(): boolean { return linted; }

/** Files from which --concurrency auto lints in worker threads. */
const PARALLEL_FROM = 150;
/**
 * …and on a machine with two cores, only from this much text: a worker spends ≈ 1.5–2 s of CPU warming up (its own
 * compiler, its own compiled patterns) on the cores the main thread's compiler threads also use. Measured on 2 cores
 * (files of 2 KB, one thread vs. main thread + worker): 2,000 files 3.7 vs 4.0 s, 3,000 files 5.3–5.8 vs 5.1 s,
 * 6,000 files 9.2 vs 7.7 s.
 */
const PARALLEL_FROM_BYTES_TWO_CORES = 5 * 1024 * 1024;
/** Files to lint from which the bin switches V8's optimising compiler on (see bin/replylint.js). */
const OPTIMIZE_FROM = 100;
/** …or when the files to lint hold this much text: one 1 MB file took 2.6 s without TurboFan, 1.8 s with it. */
const OPTIMIZE_FROM_BYTES = 256 * 1024;

/** Do the tasks' files hold at least `limit` bytes? (A stat per file, stopping at the limit; unreadable: 0.) */
function bytesAtLeast(tasks: ReadonlyArray<{ file: string }>, limit: number): boolean {
  const fs = builtin<typeof import('node:fs')>('node:fs');
  let sum = 0;
  for (const t of tasks) {
    try { sum += fs.statSync(t.file).size; } catch { /* stdin, vanished: the linter reports it */ }
    if (sum >= limit) return true;
  }
  return false;
}

/** Calls from the bin. */
export interface MainHooks {
  /** More than OPTIMIZE_FROM files, or OPTIMIZE_FROM_BYTES of text, are about to be linted. */
  largeRun?: () => void;
}

function parseRuleFlags(flags: string[]): UserConfig | null {
  if (flags.length === 0) return null;
  const rulesCfg: Record<string, RuleSetting> = {};
  const known = new Set(rules.map((r) => r.id));
  for (const f of flags) {
    const m = /^([a-z0-9-]+)\s*[:=]\s*(off|warn|error|0|1|2)$/.exec(f.trim());
    if (!m) throw new UsageError(`--rule "${f}": erwartet id:stufe, z. B. flat-no:warn (Stufen: off, warn, error)`);
    if (!known.has(m[1]!)) throw new UsageError(`--rule "${f}": unbekannte Regel "${m[1]}" (replylint --list-rules zeigt alle)`);
    rulesCfg[m[1]!] = (/^\d$/.test(m[2]!) ? Number(m[2]) : m[2]) as RuleSetting;
  }
  return { rules: rulesCfg };
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  'print-config': { type: 'string' },
  'input-format': { type: 'string' },
  'stdin-filename': { type: 'string' },
  'ignore-pattern': { type: 'string', multiple: true },
  'no-ignore': { type: 'boolean' },
  'no-gitignore': { type: 'boolean' },
  'no-error-on-unmatched-pattern': { type: 'boolean' },
  'list-rules': { type: 'boolean' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  debug: { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  'cache-strategy': { type: 'string' },
  concurrency: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

interface Io { out(s: string): void; err(s: string): void }

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2).replace('.', ',')} s`;
}
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Line and column (1-based, UTF-16) of an offset. */
function lineCol(text: string, offset: number): string {
  let line = 1, last = -1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) { line++; last = i; }
  return `${line}:${offset - last}`;
}

export async function main(argv: string[], io: Io = {
  out: (s) => { process.stdout.write(s); },
  err: (s) => { process.stderr.write(s.endsWith('\n') ? s : s + '\n'); },
}, hooks: MainHooks = {}): Promise<number> {
  const started = performance.now();
  const { out, err } = io;
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    err(`replylint: ${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '')}\nreplylint --help zeigt alle Optionen.`);
    return 2;
  }
  const o = args.values;
  if (o.help) { out(HELP + '\n'); return 0; }
  if (o.version) { out(`replylint ${VERSION}\n`); return 0; }

  const formatName = (o.format ?? 'stylish') as OutputFormat;
  if (!(FORMAT_NAMES as readonly string[]).includes(formatName)) { err(`replylint: --format: unbekanntes Ausgabeformat "${o.format}" (${FORMAT_NAMES.join(', ')})`); return 2; }
  const inputFormat = o['input-format'];
  if (inputFormat && !(FORMATS as readonly string[]).includes(inputFormat)) { err(`replylint: --input-format: unbekanntes Eingabeformat "${inputFormat}" (${FORMATS.join(', ')})`); return 2; }
  let maxWarnings = -1;
  if (o['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(o['max-warnings'])) { err(`replylint: --max-warnings erwartet eine ganze Zahl ≥ 0, nicht "${o['max-warnings']}"`); return 2; }
    maxWarnings = Number(o['max-warnings']);
  }
  const cacheStrategy = o['cache-strategy'] ?? 'metadata';
  if (cacheStrategy !== 'metadata' && cacheStrategy !== 'content') { err(`replylint: --cache-strategy: "${cacheStrategy}" – erlaubt sind metadata, content`); return 2; }
  let threads: number | 'auto' = 'auto';
  if (o.concurrency !== undefined) {
    if (o.concurrency === 'off') threads = 1;
    else if (o.concurrency === 'auto') threads = 'auto';
    else if (/^\d+$/.test(o.concurrency) && Number(o.concurrency) >= 1) threads = Number(o.concurrency);
    else { err(`replylint: --concurrency: "${o.concurrency}" – erlaubt sind auto, off oder eine Zahl ≥ 1`); return 2; }
  }
  if (o.fix && o['fix-dry-run']) { err('replylint: --fix und --fix-dry-run schließen sich aus'); return 2; }
  const cwd = process.cwd();
  const outputFile = o['output-file'];
  const color = o['no-color'] ? false : o.color ? true : !outputFile && !!process.stdout.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';

  const emit = async (text: string): Promise<boolean> => {
    if (!outputFile) { out(text); return true; }
    try {
      const p = resolve(cwd, outputFile);
      const { mkdir, writeFile } = builtin<typeof import('node:fs/promises')>('node:fs/promises');
      await mkdir(dirname(p), { recursive: true });
      await writeFile(p, text);
      return true;
    } catch (e) {
      err(`replylint: --output-file ${outputFile}: kann nicht geschrieben werden (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      return false;
    }
  };

  if (o['list-rules']) {
    if (formatName === 'json') {
      return (await emit(JSON.stringify(rules.map((r) => ({ id: r.id, severity: r.meta.severity, type: r.meta.type, description: r.meta.description, fixable: !!r.meta.fixable, url: r.url })), null, 2) + '\n')) ? 0 : 2;
    }
    const w = Math.max(...rules.map((r) => r.id.length)) + 2;
    const lines = rules.map((r) => `${r.id.padEnd(w)}${r.meta.severity.padEnd(7)}${r.meta.fixable ? 'fix  ' : '     '}${r.meta.description}\n${' '.repeat(w + 12)}${r.url}\n`);
    return (await emit(lines.join(''))) ? 0 : 2;
  }

  const positionals = args.positionals;
  try {
    const ruleFlags = parseRuleFlags((o.rule ?? []) as string[]);
    const resolver = new ConfigResolver({ explicit: o.config ?? null, ruleFlags, cwd });

    if (o['print-config'] !== undefined) {
      const target = resolve(cwd, o['print-config']);
      const fc = resolver.forFile(target);
      const { IgnoreIndex } = await import('./files.ts');
      const ignored = new IgnoreIndex({ cwd, gitignore: !o['no-gitignore'], ignoreFiles: !o['no-ignore'], ignorePatterns: (o['ignore-pattern'] ?? []) as string[], errorOnUnmatchedPattern: false, ignoredByConfig: (f) => resolver.ignoredByConfig(f) }).reason(target);
      const doc = { filePath: target, configFile: fc.configPath, configFiles: fc.files, overrides: fc.overrides, ignored, ...configToJson(fc) };
      return (await emit(JSON.stringify(doc, null, 2) + '\n')) ? 0 : 2;
    }

    if (positionals.length === 0) { err(`replylint: keine Eingabe. Dateien, Ordner, Muster oder - (Standardeingabe) angeben.\nreplylint --help zeigt alle Optionen.`); return 2; }
    const useStdin = positionals.includes('-');
    if (useStdin && o.fix) throw new UsageError('--fix geht nicht mit der Standardeingabe (-); --fix-dry-run zeigt die Korrekturen als Diff');

    // ---- which files
    const discovered = await discover(positionals.filter((p) => p !== '-'), {
      cwd,
      gitignore: !o['no-gitignore'],
      ignoreFiles: !o['no-ignore'],
      ignorePatterns: (o['ignore-pattern'] ?? []) as string[],
      errorOnUnmatchedPattern: !o['no-error-on-unmatched-pattern'],
      ignoredByConfig: o['no-ignore'] ? undefined : (f) => resolver.ignoredByConfig(f),
    });
    for (const n of discovered.notices) err(`replylint: ${n}`);
    if (discovered.errors.length) {
      for (const e of discovered.errors) err(`replylint: ${e}`);
      return 2;
    }

    // ---- config per file
    const configs = new Map<string, ResolvedConfig>();
    const fileConfigs = new Map<string, FileConfig>();
    const configFor = (file: string): FileConfig => {
      const fc = resolver.forFile(file);
      configs.set(fc.key, fc.config);
      return fc;
    };
    const debug = !!o.debug;
    const fixMode = !!o.fix || !!o['fix-dry-run'];
    const displayPath = (abs: string): string => relative(cwd, abs) || abs;

    const outcomes = new Map<string, Outcome>();
    const results: FileResult[] = [];
    const outcomeOf = new Map<FileResult, Outcome>();
    let ioErrors = 0;
    let cachedCount = 0;
    const notices: string[] = [];

    // ---- standard input
    if (useStdin) {
      linted = true;
      const bytes = await readStdin();
      const name = o['stdin-filename'];
      const abs = name ? resolve(cwd, name) : resolve(cwd, '<stdin>');
      const fc = configFor(abs);
      try {
        let r: Pick<Outcome, 'findings' | 'excluded' | 'fix' | 'part'>;
        let text = '';
        if (name && extname(name).toLowerCase() === '.eml' && !inputFormat && lintEmail) {
          const e = await lintEmail(bytes, { config: fc.config });
          r = { findings: e.findings, excluded: e.excluded, part: e.part };
          text = e.text;
        } else {
          const decoded = decodeDetailed(bytes, name ?? '<stdin>');
          text = decoded.text;
          r = await lintSource(text, decoded.encoding, { config: fc.config, filePath: name, inputFormat, debug, fix: fixMode });
        }
        const oc: Outcome = { file: name ? abs : '<stdin>', ...r, source: text };
        outcomes.set('<stdin>', oc);
        const fr: FileResult = { filePath: name ? abs : '<stdin>', displayPath: name ?? '<stdin>', findings: r.findings, part: r.part };
        results.push(fr);
        outcomeOf.set(fr, oc);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        if (e.skip) err(`replylint: ${e.message}`);
        else { err(`replylint: ${e.message}`); ioErrors++; }
      }
    }

    // ---- files: cache, then lint (in workers when there are many)
    const files = discovered.files;
    let cache: import('./cache.ts').LintCache | null = null;
    const configHashes = new Map<string, string>();
    const configHash = (fc: FileConfig): string => {
      let h = configHashes.get(fc.key);
      if (!h) {
        h = hashBytes(new TextEncoder().encode(JSON.stringify({ c: configToJson(fc), f: inputFormat ?? null })));
        configHashes.set(fc.key, h);
      }
      return h;
    };
    const useCache = !!o.cache && !debug;
    if (useCache || fixMode) await loadHasher();
    if (useCache) {
      const { LintCache, cachePath, buildId } = await import('./cache.ts');
      cache = new LintCache(cachePath(o['cache-location'], cwd), buildId(VERSION));
    }
    const tasks: Task[] = [];
    for (const file of files) {
      const fc = configFor(file);
      fileConfigs.set(file, fc);
      let cachedHash: string | undefined;
      if (cache) {
        const hit = cache.lookup(file, configHash(fc));
        if (hit && !(fixMode && hit.entry.findings.some((f) => f.suggestions?.some((s) => s.safe)))) {
          if (hit.fresh && cacheStrategy === 'metadata') {
            outcomes.set(file, { file, findings: hit.entry.findings, part: hit.entry.part, cacheHit: true });
            cachedCount++;
            continue;
          }
          cachedHash = hit.entry.hash;
        }
      }
      tasks.push({ file, configKey: fc.key, fix: fixMode, debug, inputFormat, cachedHash, hash: !!cache || fixMode });
    }

    // progress on a TTY for long runs
    const total = tasks.length;
    let done = 0;
    const showProgress = !o['no-progress'] && !!process.stderr.isTTY && total >= 200 && !process.env.CI;
    let lastDraw = 0;
    const draw = (final = false): void => {
      if (!showProgress) return;
      const now = performance.now();
      if (!final && now - lastDraw < 80) return;
      lastDraw = now;
      process.stderr.write(final ? '\r\x1b[K' : `\r\x1b[K  ${done}/${total} Dateien (${Math.floor((done / total) * 100)} %)`);
    };
    const onOutcome = (oc: Outcome): void => { outcomes.set(oc.file, oc); done++; draw(); };

    if (tasks.length) {
      linted = true;
      if (tasks.length > OPTIMIZE_FROM || bytesAtLeast(tasks, OPTIMIZE_FROM_BYTES)) hooks.largeRun?.();
      const { runInProcess, runParallel, workersAvailable } = await import('./pool.ts');
      // a worker costs ~100 ms to start; below ~150 files one thread is as fast
      const cores = tasks.length > PARALLEL_FROM ? builtin<typeof import('node:os')>('node:os').availableParallelism() : 1;
      const parallel = tasks.length > PARALLEL_FROM && cores > 1 && (cores > 2 || bytesAtLeast(tasks, PARALLEL_FROM_BYTES_TWO_CORES));
      const n = threads === 'auto' ? (parallel ? Math.min(cores, Math.ceil(tasks.length / PARALLEL_FROM), 16) : 1) : threads;
      if (n > 1 && workersAvailable()) await runParallel(tasks, configs, n, onOutcome);
      else await runInProcess(tasks, configs, onOutcome);
      draw(true);
    }

    // ---- collect, fix, cache
    let fixedFiles = 0, fixesApplied = 0;
    const diffs: string[] = [];
    if (fixMode && o.fix) { const { installInterruptCleanup } = await import('./fix.ts'); installInterruptCleanup(); }
    for (const file of files) {
      const oc = outcomes.get(file)!;
      const fc = fileConfigs.get(file)!;
      if (oc.notice) { notices.push(oc.notice); continue; }
      if (oc.error) { err(`replylint: ${oc.error}`); ioErrors++; continue; }
      if (oc.cacheHit && oc.hash && cache) {
        // content unchanged (hash matched): take the cached findings
        const hit = cache.lookup(file, configHash(fc));
        if (hit) { oc.findings = hit.entry.findings; oc.part = hit.entry.part; cachedCount++; cache.set(file, { ...hit.entry }); }
      }
      if (oc.fix) {
        const newBytes = encode(oc.fix.output, oc.fix.encoding);
        if (o.fix) {
          const { writeAtomic } = await import('./fix.ts');
          try {
            const original = await builtin<typeof import('node:fs/promises')>('node:fs/promises').readFile(file);
            if (oc.hash && hashBytes(original) !== oc.hash) throw new Error(`${file}: wurde während des Prüfens geändert – nicht überschrieben`);
            await writeAtomic(file, newBytes, original);
            fixedFiles++; fixesApplied += oc.fix.applied;
            if (!oc.fix.stable) notices.push(`${displayPath(file)}: nach ${oc.fix.passes} Durchgängen noch nicht stabil – erneut --fix ausführen`);
            if (cache) cache.set(file, { hash: hashBytes(newBytes), config: configHash(fc), findings: oc.findings, part: oc.part }, newBytes.length);
          } catch (e) {
            err(`replylint: ${(e as Error).message}`);
            ioErrors++;
          }
        } else {
          fixedFiles++; fixesApplied += oc.fix.applied;
          if (formatName === 'stylish' && !o['format']) {
            const { createTwoFilesPatch } = await import('diff');
            const rel = displayPath(file).split(sep).join('/');
            diffs.push(createTwoFilesPatch(`a/${rel}`, `b/${rel}`, oc.source ?? '', oc.fix.output, undefined, undefined, { headerOptions: { includeIndex: false, includeUnderline: false, includeFileHeaders: true } }));
          }
        }
      } else if (cache && !oc.cacheHit && oc.hash) {
        cache.set(file, { hash: oc.hash, config: configHash(fc), findings: oc.findings, part: oc.part }, oc.size);
      }
      const fr: FileResult = { filePath: file, displayPath: displayPath(file), findings: oc.findings, part: oc.part };
      results.push(fr);
      outcomeOf.set(fr, oc);
    }
    const stdinOutcome = outcomes.get('<stdin>');
    if (stdinOutcome?.fix && o['fix-dry-run'] && formatName === 'stylish' && !o['format']) {
      const { createTwoFilesPatch } = await import('diff');
      const rel = o['stdin-filename'] ?? '<stdin>';
      fixedFiles++; fixesApplied += stdinOutcome.fix.applied;
      diffs.unshift(createTwoFilesPatch(`a/${rel}`, `b/${rel}`, stdinOutcome.source ?? '', stdinOutcome.fix.output, undefined, undefined, { headerOptions: { includeIndex: false, includeUnderline: false, includeFileHeaders: true } }));
    }
    for (const n of notices) err(`replylint: ${n}`);
    if (cache) {
      try { await cache.save(); } catch (e) { err(`replylint: Warnung: ${(e as Error).message}`); }
    }

    // ---- debug: config and excluded parts
    if (debug) {
      for (const [key, oc] of outcomes) {
        const fc = key === '<stdin>' ? resolver.forFile(o['stdin-filename'] ? resolve(cwd, o['stdin-filename']) : resolve(cwd, '<stdin>')) : fileConfigs.get(key)!;
        const name = key === '<stdin>' ? (o['stdin-filename'] ?? '<stdin>') : displayPath(key);
        const lines = [`replylint: debug: ${name}${oc.part ? ` (${oc.part})` : ''}`];
        lines.push(`  Konfiguration: ${fc.configPath ?? 'keine (Standard replylint:recommended)'}${fc.files.length > 1 ? ` (erbt von ${fc.files.slice(0, -1).join(', ')})` : ''}${fc.overrides.length ? `; overrides: ${fc.overrides.join(', ')}` : ''}`);
        const ex = oc.excluded ?? [];
        if (!ex.length) lines.push('  nicht geprüft: nichts');
        for (const x of ex) {
          const src = oc.source ?? '';
          let snippet = src.slice(x.start, x.end).replace(/\s+/g, ' ').trim();
          if (snippet.length > 60) snippet = snippet.slice(0, 57) + '…';
          lines.push(`  nicht geprüft ${lineCol(src, x.start)}–${lineCol(src, x.end)} (${x.reason}): „${snippet}“`);
        }
        err(lines.join('\n'));
      }
    }

    // ---- quiet, report, summary
    if (o.quiet) for (const r of results) r.findings = r.findings.filter((f) => f.severity === 2);
    let errors = 0, warnings = 0;
    const byRule = new Map<string, number>();
    for (const r of results) for (const f of r.findings) {
      if (f.severity === 2) errors++; else warnings++;
      byRule.set(f.ruleId ?? 'fatal', (byRule.get(f.ruleId ?? 'fatal') ?? 0) + 1);
    }
    const ms = performance.now() - started;
    const fileCount = results.length;
    // ids are [a-z0-9-]: code-unit order is the same as localeCompare's, whose first call costs ~10 ms (ICU collator)
    const ruleList = [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([id, n]) => `${id} ${n}`).join(', ');
    const cachedNote = cache ? ` (${cachedCount} aus dem Cache)` : '';
    const summary = errors + warnings
      ? `✖ ${plural(errors + warnings, 'Problem', 'Probleme')} (${errors} Fehler, ${plural(warnings, 'Warnung', 'Warnungen')}) · ${ruleList} · ${plural(fileCount, 'Datei', 'Dateien')}${cachedNote} in ${seconds(ms)}`
      : `✔ ${plural(fileCount, 'Datei', 'Dateien')} geprüft${cachedNote}, keine Probleme (${seconds(ms)})`;
    const onlyStdin = files.length === 0;

    let report: string;
    if (diffs.length || (o['fix-dry-run'] && formatName === 'stylish' && !o['format'])) {
      report = diffs.join('');
      err(`replylint: --fix-dry-run: ${fixesApplied ? `${plural(fixesApplied, 'Korrektur', 'Korrekturen')} in ${plural(fixedFiles, 'Datei', 'Dateien')}` : 'keine sicheren Korrekturen'} – nichts wurde geändert`);
      err(summary);
    } else {
      const formatter = await loadFormatter(formatName);
      report = formatter(results, { cwd, rules, color, version: VERSION });
      if (formatName === 'json' && fixMode) {
        // ESLint's convention: the fixed text as "output"
        const arr = JSON.parse(report) as Array<Record<string, unknown>>;
        arr.forEach((entry, i) => { const oc = outcomeOf.get(results[i]!); if (oc?.fix) entry.output = oc.fix.output; });
        report = JSON.stringify(arr) + '\n';
      }
      if (formatName === 'stylish') {
        if (!(onlyStdin && errors + warnings === 0)) {
          const cc = (await import('picocolors')).createColors(color);
          report += (errors ? cc.red(cc.bold(summary)) : warnings ? cc.yellow(cc.bold(summary)) : cc.green(summary)) + '\n';
        }
      } else if (!o.quiet && !(onlyStdin && errors + warnings === 0)) {
        // never on stdout: json, sarif and junit stay parseable, github and compact stay one finding per line
        err(summary);
      }
      if (o.fix && fixesApplied) err(`replylint: --fix: ${plural(fixesApplied, 'Korrektur', 'Korrekturen')} in ${plural(fixedFiles, 'Datei', 'Dateien')} geschrieben`);
    }
    if (!(await emit(report))) return 2;
    if (ioErrors) return 2;
    if (errors > 0) return 1;
    if (!o.quiet && maxWarnings >= 0 && warnings > maxWarnings) {
      err(`replylint: ${plural(warnings, 'Warnung', 'Warnungen')}, erlaubt sind höchstens ${maxWarnings} (--max-warnings).`);
      return 1;
    }
    return 0;
  } catch (e) {
    if (e instanceof ConfigValidationError) { err(`replylint: Konfigurationsfehler:\n${e.message}`); return 2; }
    if (e instanceof ConfigFileError) { err(`replylint: Konfigurationsfehler: ${e.message}`); return 2; }
    if (e instanceof UsageError || e instanceof InputError) { err(`replylint: ${e.message}`); return 2; }
    throw e;
  }
}

export type { Finding };
