/**
 * The engines measured on the same inputs: replylint (the bundle, all rules on), alex, textlint with the prh phrase
 * set, and the bare retext-latin parse (unified().use(retextLatin).parse: the floor for any retext-based tool).
 * Each loader throws with a readable reason when its piece is missing; the bench then prints "n/a (reason)".
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './inputs.ts';
import { writePrh } from './prh.ts';

export type EngineName = 'replylint' | 'parse' | 'alex' | 'textlint';
export const ENGINES: EngineName[] = ['replylint', 'parse', 'alex', 'textlint'];
export const LABEL: Record<EngineName, string> = {
  replylint: 'replylint (all rules)',
  parse: 'retext-latin parse only',
  alex: 'alex',
  textlint: 'textlint + prh',
};

export interface Engine {
  name: EngineName;
  /** sync engines return the result; textlint returns a promise. */
  lint: (text: string) => unknown;
  async: boolean;
  note?: string;
}

export const REPLYLINT_DIST = join(ROOT, 'packages/replylint/dist/index.js');

export async function loadEngine(name: EngineName): Promise<Engine> {
  switch (name) {
    case 'replylint': {
      if (!existsSync(REPLYLINT_DIST)) throw new Error('packages/replylint/dist/index.js fehlt (pnpm build)');
      const m = (await import(pathToFileURL(REPLYLINT_DIST).href)) as { lint: (t: string, o?: unknown) => unknown[]; allRuleIds?: unknown };
      const config = await allRulesConfig(m);
      return { name, lint: (t) => m.lint(t, config ? { config } : undefined), async: false, note: config ? 'preset replylint:all' : 'default config' };
    }
    case 'parse': {
      const { unified } = await import('unified');
      const { default: retextLatin } = await import('retext-latin');
      const proc = unified().use(retextLatin);
      return { name, lint: (t) => proc.parse(t), async: false };
    }
    case 'alex': {
      const alex = (await import('alex')) as { text: (v: string) => unknown };
      return { name, lint: (t) => alex.text(t), async: false };
    }
    case 'textlint': {
      const { createLinter, loadTextlintrc } = await import('textlint');
      const { rc, count } = writePrh();
      const descriptor = await loadTextlintrc({ configFilePath: rc, node_modulesDir: join(ROOT, 'bench/node_modules') });
      const linter = createLinter({ descriptor });
      return { name, lint: (t) => linter.lintText(t, join(ROOT, '.tmp/bench/reply.txt')), async: true, note: `${count} prh rules` };
    }
  }
}

/** "All rules on": the replylint:all preset when the engine accepts it (checked once), else the default config. */
async function allRulesConfig(m: { lint: (t: string, o?: unknown) => unknown[] }): Promise<unknown> {
  const config = { extends: 'replylint:all' };
  try { m.lint('Das geht nicht.', { config }); return config; } catch { return null; }
}
