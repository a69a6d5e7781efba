/**
 * validateTwiml: the diagnostics of parseTwiml alone, for `callrig lint` and the engine's
 * pre-flight checks.
 */
import type { Diagnostic } from '../errors/diagnostic.ts';
import { type ParseOptions, parseTwiml } from './parse.ts';

/** Every problem in a TwiML document, in document order; never throws. */
export function validateTwiml(xml: string, opts: ParseOptions = {}): Diagnostic[] {
  return parseTwiml(xml, opts).diagnostics;
}
