import { createHtmlReporter } from './html.ts';
import { createJsonReporter } from './json.ts';
import { createJunitReporter } from './junit.ts';
import { createPrettyReporter } from './pretty.ts';
import type { ReporterFactory } from './types.ts';

/** Reporter name → factory, for `--reporter <name>` (Vitest's `ReportersMap`). */
export const REPORTERS = {
  pretty: createPrettyReporter,
  json: createJsonReporter,
  junit: createJunitReporter,
  html: createHtmlReporter,
} as const satisfies Record<string, ReporterFactory>;

export type ReporterName = keyof typeof REPORTERS;

/** The factory for a reporter name, or undefined (the CLI reports the unknown name). */
export function reporterFor(name: string): ReporterFactory | undefined {
  return Object.hasOwn(REPORTERS, name) ? REPORTERS[name as ReporterName] : undefined;
}
