/**
 * One failure with Twilio's (or callrig's) code and where it happened. The core mostly reports
 * failures as timeline events; this class is for the edges that must throw (API misuse,
 * adapters mapping to REST error JSON).
 */
import type { CallrigCode } from './callrig-codes.ts';
import { CALLRIG_CODES } from './callrig-codes.ts';
import type { Diagnostic } from './diagnostic.ts';
import { describeCode, moreInfoUrl, type Severity } from './twilio-codes.ts';

/** Where a failure came from: URL, TwiML line/column, element path or verb. */
export interface FailureWhere {
  url?: string;
  line?: number;
  column?: number;
  path?: string;
}

export class TwilioFailure extends Error {
  override readonly name = 'TwilioFailure';
  readonly code: number | CallrigCode;
  readonly where: FailureWhere;
  readonly severity: Severity;

  constructor(code: number | CallrigCode, message: string, where: FailureWhere = {}) {
    super(`${code} ${message}`);
    this.code = code;
    this.where = where;
    this.severity = typeof code === 'number' ? describeCode(code).severity : 'error';
  }

  /** Catalogue name (`HTTP_RETRIEVAL_FAILURE`) or the callrig code itself. */
  get codeName(): string {
    return typeof this.code === 'number' ? describeCode(this.code).name : this.code;
  }

  /** Twilio's docs page, or null for callrig codes. */
  get moreInfo(): string | null {
    return typeof this.code === 'number' ? moreInfoUrl(this.code) : null;
  }

  toDiagnostic(): Diagnostic {
    const d: Diagnostic = {
      code: this.code,
      severity: this.severity,
      message: this.message,
      line: this.where.line ?? 0,
      column: this.where.column ?? 0,
    };
    if (this.where.path !== undefined) d.path = this.where.path;
    if (this.where.url !== undefined) d.file = this.where.url;
    return d;
  }
}

/** True for a code in either catalogue. */
export function isKnownCode(code: number | string): boolean {
  return typeof code === 'number' ? describeCode(code).name !== 'UNKNOWN' : code in CALLRIG_CODES;
}
