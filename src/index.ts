/**
 * callrig's public API. The package ships TypeScript sources: load them through tsx (as the
 * `callrig` bin does) or a TypeScript-aware runner such as vitest.
 * @note Sub-paths (`callrig/core`, `callrig/twilio`, `callrig/scenario`, `callrig/twilio-intercept`)
 * give the full surface of each layer; this entry keeps to the names a user's suite needs.
 */

export { parseTwiml, resumeCall, runCall, startCall, validateTwiml } from './core/index.ts';
export { defineScenario, loadScenarioFile } from './scenario/index.ts';
export { createTwilioFake } from './twilio/index.ts';
export { interceptTwilio } from './twilio/intercept.ts';
