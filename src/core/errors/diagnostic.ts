import type { CallrigCode } from './callrig-codes.ts';
import type { Severity } from './twilio-codes.ts';

/**
 * One problem found in a document or file, with where it is. Validators collect every
 * diagnostic (Prism/Mountebank style); only the edge decides to stop or throw.
 */
export interface Diagnostic {
  /** Twilio's number (12100, 12200, 13612, ...) or a callrig code. */
  code: number | CallrigCode;
  severity: Severity;
  message: string;
  /** 1-based line and column in the document; 0 when the problem has no position. */
  line: number;
  column: number;
  /** Element path, e.g. `Response/Record[1]@maxLength`. */
  path?: string;
  /** File or URL the document came from, when known. */
  file?: string;
}
