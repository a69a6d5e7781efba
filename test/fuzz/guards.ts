/**
 * Process-level tripwires for fuzzing: an unhandled rejection, an uncaught exception or a call
 * to process.exit inside the code under test is recorded (and, for exit, stopped) instead of
 * silently killing or passing the run.
 */
export interface ProcessGuards {
  /** Everything that fired since install (or the last `take()`), as one-line descriptions. */
  take(): string[];
  restore(): void;
}

export function installGuards(): ProcessGuards {
  let fired: string[] = [];
  const onRejection = (reason: unknown): void => {
    fired.push(`unhandledRejection: ${describe(reason)}`);
  };
  const onException = (err: unknown): void => {
    fired.push(`uncaughtException: ${describe(err)}`);
  };
  const realExit = process.exit;
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  process.exit = ((code?: number) => {
    fired.push(`process.exit(${code ?? ''}) called`);
    throw new Error(`process.exit(${code ?? ''}) called by the code under test`);
  }) as typeof process.exit;
  return {
    take() {
      const out = fired;
      fired = [];
      return out;
    },
    restore() {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
      process.exit = realExit;
    },
  };
}

function describe(v: unknown): string {
  if (v instanceof Error) return `${v.name}: ${v.message} ${v.stack?.split('\n')[1]?.trim() ?? ''}`;
  return String(v);
}
