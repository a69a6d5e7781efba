import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Default folder of committed pacts, relative to the working directory. */
export const DEFAULT_PACT_DIR = 'contracts/pacts';

/**
 * The pact files in `dir` whose provider is `provider`.
 * @note Chosen by the provider name inside each file rather than by file name, so a pact
 * written by another tool (or renamed) is still found.
 */
export async function pactFilesFor(provider: string, dir: string = DEFAULT_PACT_DIR): Promise<string[]> {
  const root = resolve(dir);
  let names: string[];
  try {
    names = (await readdir(root)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    throw new Error(`cannot read the pact folder ${root}: ${(error as Error).message}`);
  }
  const found: string[] = [];
  for (const name of names) {
    const file = join(root, name);
    try {
      const pact = JSON.parse(await readFile(file, 'utf8')) as { provider?: { name?: unknown } };
      if (pact.provider?.name === provider) found.push(file);
    } catch {
      // @note Not a pact (or unreadable JSON): other files may live beside the pacts.
    }
  }
  return found;
}

/** Every provider state named in the given pact files (V2 `providerState`, V3/V4 `providerStates`). */
export async function pactStates(files: readonly string[]): Promise<string[]> {
  const states = new Set<string>();
  for (const file of files) {
    let pact: { interactions?: unknown[]; messages?: unknown[] };
    try {
      pact = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      continue; // @note A URL or unreadable file: the verifier reports it itself.
    }
    for (const i of [...(pact.interactions ?? []), ...(pact.messages ?? [])] as Array<
      Record<string, unknown>
    >) {
      if (typeof i.providerState === 'string') states.add(i.providerState);
      for (const s of (i.providerStates ?? []) as Array<{ name?: unknown }>) {
        if (typeof s.name === 'string') states.add(s.name);
      }
    }
  }
  return [...states].sort();
}
