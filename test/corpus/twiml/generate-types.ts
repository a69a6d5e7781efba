import type { CorpusCase } from './cases/types.ts';

/** One entry of expected.json: what parsing the corpus file must give. */
export interface ExpectedEntry {
  codes: number[];
  fatal: boolean;
  /** The file stores some code units as `\uXXXX` escapes (see generate.ts). */
  escaped?: boolean;
  options?: CorpusCase['options'];
}
