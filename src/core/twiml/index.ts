/**
 * The TwiML model's public surface: parse, validate and the typed AST.
 */
export type * from './ast.ts';
export { UNSIMULATED_VERBS } from './build.ts';
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, type ParseOptions, parseTwiml } from './parse.ts';
export { validateTwiml } from './validate.ts';
export { DIAL_DEFAULTS } from './verbs/dial.ts';
export { RECORD_DEFAULTS } from './verbs/record.ts';
export { DEFAULT_VOICE } from './verbs/say.ts';
