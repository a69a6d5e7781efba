import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

// @note Pact merges into existing files and never truncates them, so a renamed test would
// leave its old interaction behind for good. Start every consumer run from an empty folder.
export default async function wipePacts(): Promise<void> {
  const dir = fileURLToPath(new URL('./pacts/', import.meta.url));
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
}
