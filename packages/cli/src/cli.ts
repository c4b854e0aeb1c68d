/**
 * replylint command line.
 *   replylint [Optionen] [Dateien|Ordner|-]
 * Exit codes: 0 no errors, 1 errors found, 2 usage, configuration or I/O error.
 */
import { parseArgs } from 'node:util';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, dirname, extname } from 'node:path';
import { lint, rules, ConfigValidationError, type Finding, type UserConfig, type RuleSetting } from 'replylint';
import { FORMATS, type FormatName } from '@replylint/core';
import { readText, readStdin, InputError } from './io.ts';
import { findConfig, resolveFileConfig } from './config-loader.ts';
import { stylish, toEslintJson, ansi, plain, type FileResult } from './formatters/index.ts';

const HELP = `replylint — prüft deutsche Kundenservice-Antworten

Aufruf: replylint [Optionen] [Dateien|Ordner|-]

  -                       Text von der Standardeingabe lesen
  -f, --format <name>     Ausgabe: stylish (Standard), json
  -c, --config <datei>    diese Konfigurationsdatei verwenden (statt der nächstgelegenen .replylintrc)
      --rule <id:stufe>   Regel setzen, z. B. --rule flat-no:off (mehrfach möglich)
      --input-format <f>  Eingabeformat: ${FORMATS.join(', ')} (Standard: nach Dateiendung)
      --stdin-filename <n> Dateiname für Eingabe von stdin (für Format und Konfiguration)
      --list-rules        alle Regeln mit Schweregrad, Beschreibung und Doku-Link auflisten
      --max-warnings <n>  mit Code 1 beenden, wenn es mehr als n Warnungen gibt
      --quiet             nur Fehler melden
  -h, --help              diese Hilfe
  -v, --version           Version

Exit-Codes: 0 keine Fehler · 1 Fehler gefunden · 2 Aufruf-, Konfigurations- oder Lesefehler`;

const TEXT_EXT = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.eml', '.hbs', '.handlebars', '.mustache', '.liquid', '.text']);
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist']);

class UsageError extends Error {}

async function expand(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let st;
    try { st = await stat(input); } catch { throw new InputError(`${input}: Datei oder Ordner nicht gefunden`); }
    if (st.isDirectory()) {
      const walk = async (d: string): Promise<void> => {
        const entries = await readdir(d, { withFileTypes: true });
        entries.sort((a, b) => a.name.localeCompare(b.name));
        for (const e of entries) {
          if (e.isDirectory()) { if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(join(d, e.name)); }
          else if (e.isFile() && TEXT_EXT.has(extname(e.name).toLowerCase())) out.push(join(d, e.name));
        }
      };
      await walk(input);
    } else out.push(input);
  }
  return out;
}

function parseRuleFlags(flags: string[]): UserConfig | null {
  if (flags.length === 0) return null;
  const rulesCfg: Record<string, RuleSetting> = {};
  const known = new Set(rules.map((r) => r.id));
  for (const f of flags) {
    const m = /^([a-z0-9-]+)\s*[:=]\s*(off|warn|error|0|1|2)$/.exec(f.trim());
    if (!m) throw new UsageError(`--rule "${f}": erwartet id:stufe, z. B. flat-no:warn`);
    if (!known.has(m[1]!)) throw new UsageError(`--rule: unbekannte Regel "${m[1]}" (replylint --list-rules zeigt alle)`);
    rulesCfg[m[1]!] = (/^\d$/.test(m[2]!) ? Number(m[2]) : m[2]) as RuleSetting;
  }
  return { rules: rulesCfg };
}

export async function main(argv: string[]): Promise<number> {
  const out = (s: string): void => { process.stdout.write(s); };
  const err = (s: string): void => { process.stderr.write(s.endsWith('\n') ? s : s + '\n'); };
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        config: { type: 'string', short: 'c' },
        rule: { type: 'string', multiple: true, default: [] },
        'input-format': { type: 'string' },
        'stdin-filename': { type: 'string' },
        'list-rules': { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    err(`replylint: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  const o = args.values;
  if (o.help) { out(HELP + '\n'); return 0; }
  if (o.version) { out('replylint 0.1.0\n'); return 0; }
  if (o.format !== 'stylish' && o.format !== 'json') { err(`replylint: unbekanntes Ausgabeformat "${o.format}" (stylish, json)`); return 2; }
  const inputFormat = o['input-format'];
  if (inputFormat && !(FORMATS as readonly string[]).includes(inputFormat)) { err(`replylint: unbekanntes Eingabeformat "${inputFormat}" (${FORMATS.join(', ')})`); return 2; }
  let maxWarnings = -1;
  if (o['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(o['max-warnings'])) { err('replylint: --max-warnings erwartet eine ganze Zahl ≥ 0'); return 2; }
    maxWarnings = Number(o['max-warnings']);
  }

  if (o['list-rules']) {
    if (o.format === 'json') out(JSON.stringify(rules.map((r) => ({ id: r.id, severity: r.meta.severity, type: r.meta.type, description: r.meta.description, url: r.url }))) + '\n');
    else for (const r of rules) out(`${r.id.padEnd(24)} ${r.meta.severity.padEnd(5)}  ${r.meta.description}\n${' '.repeat(32)}${r.url}\n`);
    return 0;
  }

  const positionals = args.positionals.length ? args.positionals : [];
  if (positionals.length === 0) { err(`replylint: keine Eingabe. Dateien, Ordner oder - (stdin) angeben.\n\n${HELP}`); return 2; }

  try {
    const ruleFlags = parseRuleFlags(o.rule as string[]);
    const explicitConfig = o.config ? resolve(o.config) : null;
    const results: FileResult[] = [];
    let ioErrors = 0;
    const lintOne = (text: string, filePath: string, dir: string): Finding[] => {
      const cfgPath = explicitConfig ?? findConfig(dir);
      const config = resolveFileConfig(cfgPath, ruleFlags ? [ruleFlags] : []);
      const format = (inputFormat as FormatName | undefined) ?? 'auto';
      let findings = lint(text, { config, format, filePath });
      if (o.quiet) findings = findings.filter((f) => f.severity === 2);
      return findings;
    };

    const files = await expand(positionals.filter((p) => p !== '-'));
    if (positionals.includes('-')) {
      const text = await readStdin();
      const name = o['stdin-filename'] ?? '<stdin>';
      results.push({ filePath: name, findings: lintOne(text, name, o['stdin-filename'] ? dirname(resolve(name)) : process.cwd()) });
    }
    for (const file of files) {
      try {
        const text = await readText(file);
        results.push({ filePath: o.format === 'json' ? resolve(file) : relative(process.cwd(), file) || file, findings: lintOne(text, file, dirname(resolve(file))) });
      } catch (e) {
        if (e instanceof InputError) {
          err(`replylint: ${e.message}`);
          if (!e.skip) ioErrors++;
        } else throw e;
      }
    }
    if (o.format === 'json') out(toEslintJson(results) + '\n');
    else out(stylish(results, process.stdout.isTTY && !process.env.NO_COLOR ? ansi : plain));
    const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 2).length, 0);
    const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 1).length, 0);
    if (ioErrors) return 2;
    if (errors > 0) return 1;
    if (maxWarnings >= 0 && warnings > maxWarnings) {
      err(`replylint: ${warnings} Warnungen, erlaubt sind höchstens ${maxWarnings} (--max-warnings).`);
      return 1;
    }
    return 0;
  } catch (e) {
    if (e instanceof ConfigValidationError) { err(`replylint: Konfigurationsfehler:\n${e.message}`); return 2; }
    if (e instanceof UsageError || e instanceof InputError) { err(`replylint: ${e.message}`); return 2; }
    if (e instanceof Error && /Konfiguration|extends|Preset/.test(e.message)) { err(`replylint: ${e.message}`); return 2; }
    throw e;
  }
}
