/**
 * SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning, Azure DevOps, …): one run with tool.driver
 * listing every rule (description, help text, help URI, default level) and one result per finding with a physical
 * location (region with 1-based UTF-16 columns, end column exclusive, as SARIF's default columnKind says).
 * Paths are relative to the working directory, which is given as %SRCROOT%.
 */
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Formatter } from './index.ts';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function artifactUri(displayPath: string): string {
  return displayPath.split('\\').join('/').split('/').map(encodeURIComponent).join('/');
}

export const sarif: Formatter = (results, ctx) => {
  const ruleIndex = new Map<string, number>();
  const rules: Sarif.ReportingDescriptor[] = ctx.rules.map((r, i) => {
    ruleIndex.set(r.id, i);
    return {
      id: r.id,
      name: r.id.replace(/(^|-)([a-z])/g, (_m, _d: string, ch: string) => ch.toUpperCase()),
      shortDescription: { text: r.meta.description },
      fullDescription: { text: r.meta.description },
      help: { text: `${r.meta.description} Mehr dazu: ${r.url}`, markdown: `${r.meta.description}\n\n[Dokumentation der Regel ${r.id}](${r.url})` },
      helpUri: r.url,
      defaultConfiguration: { level: r.meta.severity === 'error' ? 'error' : 'warning' },
      properties: { tags: ['replylint', r.meta.type] },
    };
  });
  const artifacts: Sarif.Artifact[] = [];
  const sarifResults: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];
  for (const r of results) {
    const stdin = r.filePath === '<stdin>';
    const uri = stdin ? 'stdin' : artifactUri(r.displayPath);
    const inside = !stdin && !r.displayPath.startsWith('..') && !/^([a-zA-Z]:)?[\\/]/.test(r.displayPath);
    const base: Sarif.ArtifactLocation = inside ? { uri, uriBaseId: '%SRCROOT%' } : { uri: stdin ? uri : pathToFileURL(r.filePath).href };
    const location: Sarif.ArtifactLocation = { ...base, index: artifacts.length };
    artifacts.push({ location: base, ...(r.part ? { mimeType: 'message/rfc822' } : {}) });
    for (const f of r.findings) {
      const physicalLocation: Sarif.PhysicalLocation = {
        artifactLocation: location,
        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn, charOffset: f.start, charLength: f.end - f.start, ...(f.actual ? { snippet: { text: f.actual } } : {}) },
      };
      if (f.ruleId === null || f.internal) {
        notifications.push({ level: 'error', message: { text: f.message }, locations: [{ physicalLocation }] });
        if (f.ruleId === null) continue;
      }
      const result: Sarif.Result = {
        ruleId: f.ruleId,
        ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
        level: f.severity === 2 ? 'error' : 'warning',
        message: { text: f.message },
        locations: [{ physicalLocation }],
        ...(r.part ? { properties: { part: r.part } } : {}),
      };
      if (f.suggestions.length) {
        result.fixes = f.suggestions.map((s) => ({
          description: { text: s.desc },
          artifactChanges: [{ artifactLocation: location, replacements: [{ deletedRegion: { charOffset: s.start, charLength: s.end - s.start }, insertedContent: { text: s.text } }] }],
        }));
      }
      sarifResults.push(result);
    }
  }
  const log: Sarif.Log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'replylint', version: ctx.version, semanticVersion: ctx.version, informationUri: 'https://github.com/replylint/replylint', rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(ctx.cwd.endsWith('/') ? ctx.cwd : ctx.cwd + '/').href } },
      artifacts,
      results: sarifResults,
      columnKind: 'utf16CodeUnits',
      invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
