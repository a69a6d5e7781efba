import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const created = new Set<string>();
// Removes what a failing test left behind; passing tests remove their own directory.
afterAll(() => {
  for (const path of created) rmSync(path, { recursive: true, force: true });
});

/** A fresh temp directory and its cleanup. */
export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'callrig-servers-test-'));
  created.add(path);
  return {
    path,
    remove: () => {
      rmSync(path, { recursive: true, force: true });
      created.delete(path);
    },
  };
}
