/** The default wall-time budget of one scenario in virtual time. */
export const DEFAULT_BUDGET_MS = 20_000;
/** … and in real time, where a help-desk call lasts as long as it does on a phone. */
export const DEFAULT_REAL_TIME_BUDGET_MS = 600_000;

/** The budget in force: the scenario's `timeout`, else the run's, else the mode's default. */
export function defaultBudget(realTime: boolean | undefined): number {
  return realTime ? DEFAULT_REAL_TIME_BUDGET_MS : DEFAULT_BUDGET_MS;
}

/** Rejected by `withBudget` when the work outlives its budget. */
export class BudgetExceeded extends Error {
  readonly code = 'CALLRIG_SCENARIO_TIMEOUT';
  constructor(readonly budgetMs: number) {
    super(`exceeded its ${budgetMs} ms wall-time budget`);
  }
}

/**
 * Races `work` against a wall-clock timer. @note The timer is real even in virtual-time runs:
 * it guards against a server that never answers, which no virtual clock can see.
 */
export async function withBudget<T>(work: Promise<T>, budgetMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BudgetExceeded(budgetMs)), budgetMs);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
