import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { REPORTERS, type ReporterName, reporterFor } from '../../scenario/reporters/index.ts';
import type { ScenarioReporter } from '../../scenario/reporters/types.ts';
import { runScenarios } from '../../scenario/run/run-scenarios.ts';
import type { RunOptions } from '../../scenario/run/types.ts';
import { type CliIo, CliUsageError, EXIT, memoryStream } from '../io.ts';

/** The parsed flags of `callrig run` (commander's camel-cased names). */
export interface RunFlags {
  reporter?: string[];
  outputFile?: string[];
  filter?: string | RegExp;
  bail?: boolean;
  concurrency?: number;
  realTime?: boolean;
  shard?: { index: number; count: number };
  update?: boolean;
  budget?: number;
  helpdeskUrl?: string;
  tokenUrl?: string;
  verbose?: boolean;
}

/**
 * `callrig run [paths…]`: runs scenarios and reports. Exit 0 when every scenario passed, 1
 * otherwise; invalid files throw (exit 2, printed by the caller).
 */
export async function runCommand(paths: string[], flags: RunFlags, io: CliIo): Promise<number> {
  const files = outputFiles(flags.outputFile ?? []);
  const names = [...new Set([...(flags.reporter ?? []), ...files.keys()])];
  if (names.length === 0) names.push('pretty');
  const buffers = new Map<string, ReturnType<typeof memoryStream>>();
  const reporters: ScenarioReporter[] = names.map((name) => {
    const factory = reporterFor(name);
    if (!factory)
      throw new CliUsageError(`unknown reporter "${name}"; use one of ${Object.keys(REPORTERS).join(', ')}`);
    const toFile = files.has(name);
    const stdout = toFile ? memoryStream() : io.stdout;
    if (toFile) buffers.set(name, stdout as ReturnType<typeof memoryStream>);
    return factory({
      stdout,
      stderr: io.stderr,
      env: io.env,
      verbose: flags.verbose === true,
      ...(toFile ? { isTTY: false, color: false } : {}),
    });
  });
  const options: RunOptions = {
    paths: paths.map((p) => resolve(io.cwd, p)),
    reporters,
    // @note A saved HTML report must still play its recordings after the fakes are gone.
    ...(names.includes('html') ? { embedMedia: true } : {}),
    ...(flags.filter === undefined ? {} : { filter: flags.filter }),
    ...(flags.bail ? { bail: true } : {}),
    ...(flags.concurrency === undefined ? {} : { concurrency: flags.concurrency }),
    ...(flags.realTime ? { realTime: true } : {}),
    ...(flags.shard ? { shard: flags.shard } : {}),
    ...(flags.update ? { update: true } : {}),
    ...(flags.budget === undefined ? {} : { budgetMs: flags.budget }),
    ...serverOverrides(flags),
  };
  const summary = await runScenarios(options);
  for (const [name, path] of files) {
    const target = resolve(io.cwd, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, buffers.get(name)?.text() ?? '', 'utf8');
  }
  if (summary.total === 0) {
    io.stderr.write('[callrig] no scenario matched (check the paths, -t/--filter and --shard)\n');
    return EXIT.failed;
  }
  return summary.passed === summary.total ? EXIT.ok : EXIT.failed;
}

/** `junit=out/junit.xml` entries → reporter name → path. */
function outputFiles(entries: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const name = entry.slice(0, eq);
    const path = entry.slice(eq + 1);
    if (eq <= 0 || path === '')
      throw new CliUsageError(
        `--output-file must be <reporter>=<path>, e.g. junit=report.xml (got "${entry}")`,
      );
    if (!reporterFor(name))
      throw new CliUsageError(
        `--output-file: unknown reporter "${name}"; use one of ${Object.keys(REPORTERS).join(', ')}`,
      );
    out.set(name as ReporterName, path);
  }
  return out;
}

function serverOverrides(flags: RunFlags): Pick<RunOptions, 'serverOverrides'> {
  const check = (flag: string, url: string | undefined) => {
    if (url !== undefined && !/^https?:\/\//.test(url))
      throw new CliUsageError(`${flag} must be an http:// or https:// URL (got "${url}")`);
  };
  check('--helpdesk-url', flags.helpdeskUrl);
  check('--token-url', flags.tokenUrl);
  if (!flags.helpdeskUrl && !flags.tokenUrl) return {};
  return {
    serverOverrides: {
      ...(flags.helpdeskUrl ? { helpdesk: { url: flags.helpdeskUrl } } : {}),
      ...(flags.tokenUrl ? { token: { url: flags.tokenUrl } } : {}),
    },
  };
}
