import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/lib/ is two levels down). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * The project's shared/ folder, beside the repository (as test/helpers/shared-dir.ts resolves it).
 * @note Replicated, not imported: that helper throws at import when shared/ is missing, and
 * only the prism bench needs shared/, so the other benches must still run without it.
 */
export const SHARED_DIR = process.env.CALLRIG_SHARED_DIR ?? resolve(REPO_ROOT, '../shared');

/** Loopback only: every server a benchmark starts or targets binds here. */
export const LOOPBACK = '127.0.0.1';
