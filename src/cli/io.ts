import type { OutputStream } from '../scenario/reporters/types.ts';

/**
 * Everything a command may touch of the outside world, passed in by `main.ts` (the only file
 * that reads `process`), so tests run commands with captured streams.
 */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Resolves when the user asks to stop (SIGINT); `serve` waits on it. */
  interrupted?: Promise<void>;
}

/** Exit codes (STYLE practice 11). */
export const EXIT = {
  /** Everything passed. */
  ok: 0,
  /** A scenario, contract or document check failed. */
  failed: 1,
  /** Bad usage or invalid input files. */
  usage: 2,
} as const;

/** A usage or input problem: printed as one line (no stack), exit code 2. */
export class CliUsageError extends Error {
  readonly exitCode = EXIT.usage;
}

/** Collects writes into a string (for `--output-file` reporters and tests). */
export function memoryStream(isTTY = false): OutputStream & { text(): string } {
  const chunks: string[] = [];
  return {
    isTTY,
    write(chunk: string) {
      chunks.push(chunk);
      return true;
    },
    text: () => chunks.join(''),
  };
}
