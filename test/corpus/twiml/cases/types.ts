/** One hostile or malformed TwiML document and the outcome parseTwiml must produce. */
export interface CorpusCase {
  /** Short kebab-case name; the file is `NNN-<name>.xml`. */
  name: string;
  xml: string;
  /** Expected diagnostic codes, in document order. */
  codes: number[];
  /** Document must be null. Defaults to: codes include 11750, 12100, 12101 or 12102. */
  fatal?: boolean;
  options?: { whisper?: boolean; emptyRedirect?: 'error' | 'current-document' };
}

export const R = (inner: string): string => `<Response>${inner}</Response>`;
