/** callrig's contract tooling: provider verification and pact publishing (used by `callrig verify`). */
export { DEFAULT_PACT_DIR, pactFilesFor, pactStates } from './pact-sources.ts';
export { type PublishOptions, type PublishResult, publishPacts } from './publish.ts';
export { formatVerifyReport } from './report.ts';
export { createRequestFilter, type FilterOptions, type RequestFilter } from './request-filter.ts';
export type {
  ConsumerVersionSelector,
  InteractionOutcome,
  StateHook,
  TwimlProblem,
  VerifiableProvider,
  VerifyOptions,
  VerifyReport,
} from './types.ts';
export { verifyProvider } from './verify.ts';
