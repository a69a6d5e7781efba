import type fc from 'fast-check';

/** One thing to fuzz: opened once per run of the fuzzer, then fed many inputs. */
export interface FuzzTarget {
  name: string;
  /** Share of the total run count this target gets. */
  weight: number;
  open(): Promise<FuzzSession>;
}

export interface FuzzSession {
  arbitrary: fc.Arbitrary<unknown>;
  /** Resolves when the input was handled acceptably; throws FuzzFailure otherwise. */
  run(input: unknown): Promise<void>;
  /** Checks after the last input (e.g. a healthy call still works); throws on a problem. */
  after?(): Promise<void>;
  close(): Promise<void>;
  /** Counts worth printing (e.g. answers by status), to show the inputs reached real handlers. */
  stats?(): Record<string, number>;
}
