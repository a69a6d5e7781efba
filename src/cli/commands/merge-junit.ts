import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { mergeJunit } from '../../scenario/reporters/merge-junit.ts';
import { type CliIo, CliUsageError, EXIT } from '../io.ts';

/**
 * `callrig merge-junit <files…> [-o out.xml]`: one JUnit document from the files of several
 * `--shard i/n` runs (suites kept as they are, totals recomputed).
 */
export async function mergeJunitCommand(
  files: string[],
  flags: { output?: string },
  io: CliIo,
): Promise<number> {
  let xml: string;
  try {
    xml = await mergeJunit(files.map((f) => resolve(io.cwd, f)));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  if (!flags.output) {
    io.stdout.write(xml);
    return EXIT.ok;
  }
  const target = resolve(io.cwd, flags.output);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, xml, 'utf8');
  return EXIT.ok;
}
