import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's `shared/` folder (brief, fidelity notes, Twilio's published data). CI clones
 * the repository anywhere with `shared/` beside it, so never hard-code an absolute path.
 * @note CALLRIG_SHARED_DIR overrides it for unusual layouts.
 */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SHARED_DIR = process.env.CALLRIG_SHARED_DIR ?? resolve(REPO_ROOT, '../shared');

if (!existsSync(SHARED_DIR)) {
  throw new Error(
    `[callrig] shared/ not found at ${SHARED_DIR}: clone the repo beside it or set CALLRIG_SHARED_DIR`,
  );
}

export const sharedPath = (...parts: string[]): string => resolve(SHARED_DIR, ...parts);
