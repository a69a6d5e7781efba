import twilio from 'twilio';
import type { ParseResult, Verb } from '../../../../src/core/twiml/index.ts';

export const { VoiceResponse } = twilio.twiml;
export type VoiceResponseT = InstanceType<typeof VoiceResponse>;

/** Builds a document with twilio's VoiceResponse (the oracle) and returns its XML. */
export function build(fn: (r: VoiceResponseT) => void): string {
  const r = new VoiceResponse();
  fn(r);
  return r.toString();
}

export function codes(result: ParseResult): Array<number | string> {
  return result.diagnostics.map((d) => d.code);
}

/** The single top-level verb of a parsed document. */
export function onlyVerb(result: ParseResult): Verb {
  const verbs = result.document?.verbs ?? [];
  if (verbs.length !== 1)
    throw new Error(`expected one verb, got ${verbs.length}: ${JSON.stringify(result)}`);
  return verbs[0] as Verb;
}

/** Where the shared brief and example data live (beside the repository). */
export { SHARED_DIR } from '../../../helpers/shared-dir.ts';
