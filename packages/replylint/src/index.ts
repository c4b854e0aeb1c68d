/**
 * replylint — the public API. Pure and synchronous: text in, findings out. Runs in Node, browsers and
 * language servers alike.
 *
 *   import { lint } from 'replylint';
 *   const findings = lint('Nein, das geht nicht.');
 */
import {
  lintText, parseConfig, resolveConfig, validateConfig, ConfigValidationError, detectFormat,
  type Finding, type FormatName, type ResolvedConfig, type UserConfig, type LintResult, type Rule,
} from '@replylint/core';
import { rules, ruleMap } from '@replylint/rules';

export interface LintApiOptions {
  /** Input format; 'auto' (default) guesses from `filePath` and the content. */
  format?: FormatName | 'auto';
  /** A config object (as in .replylintrc.json) or an already resolved config. */
  config?: UserConfig | ResolvedConfig;
  /** Used to detect the format. */
  filePath?: string;
}

const resolvedCache = new WeakMap<object, ResolvedConfig>();

function isResolved(c: UserConfig | ResolvedConfig): c is ResolvedConfig {
  return (c as ResolvedConfig).rules instanceof Map;
}

/** Validate and resolve a config object. Throws ConfigValidationError with every problem. */
export function loadConfig(config: UserConfig | ResolvedConfig | undefined): ResolvedConfig {
  if (config && isResolved(config)) return config;
  const key = config ?? resolvedCache;
  const hit = resolvedCache.get(key);
  if (hit) return hit;
  if (config) {
    const errors = validateConfig(config, ruleMap as Map<string, Rule>);
    if (errors.length) throw new ConfigValidationError(errors);
  }
  const resolved = resolveConfig(config ? [config] : [], ruleMap as Map<string, Rule>);
  resolvedCache.set(key, resolved);
  return resolved;
}

/** Lint a reply and return the findings, sorted by position. */
export function lint(text: string, options: LintApiOptions = {}): Finding[] {
  return lintDetailed(text, options).findings;
}

/** Like `lint`, plus what was excluded (quotes, signatures, markup) and the segmented document. */
export function lintDetailed(text: string, options: LintApiOptions = {}): LintResult {
  if (typeof text !== 'string') throw new TypeError('lint(text): text muss eine Zeichenkette sein');
  const format = !options.format || options.format === 'auto' ? detectFormat(options.filePath, text) : options.format;
  return lintText(text, { rules, config: loadConfig(options.config), format });
}

export { rules, ruleMap, parseConfig, resolveConfig, validateConfig, ConfigValidationError, detectFormat };
export type { Finding, FormatName, ResolvedConfig, UserConfig, LintResult, Rule };
export type { Suggestion, ConfigError, RuleSetting } from '@replylint/core';
export { lintEmail, type EmailLintResult, type EmailFinding, type LintEmailOptions } from './email.ts';
