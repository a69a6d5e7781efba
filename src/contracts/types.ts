/**
 * Shared types of callrig's contract tooling: what `verifyProvider` takes and reports.
 */
import type { Diagnostic } from '../core/index.ts';

/** The user-side servers callrig can verify against its pacts. */
export type VerifiableProvider = 'helpdesk-ivr' | 'token-server';

/** A provider-state hook: seeds or clears what one pact state needs. */
export type StateHook = () => Promise<unknown> | unknown;

/** Pact Broker consumer version selector (passed through to the verifier). */
export interface ConsumerVersionSelector {
  readonly mainBranch?: boolean;
  readonly matchingBranch?: boolean;
  readonly branch?: string;
  readonly deployedOrReleased?: boolean;
  readonly environment?: string;
  readonly consumer?: string;
  readonly tag?: string;
  readonly latest?: boolean;
}

/** Options of {@link verifyProvider}. */
export interface VerifyOptions {
  readonly provider: VerifiableProvider;
  /** Base URL of the running provider, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  /** Folder of pact files (default `contracts/pacts`); ignored when `brokerUrl` is set. */
  readonly pactDir?: string;
  /** Explicit pact files or URLs; take precedence over `pactDir`. */
  readonly pactUrls?: readonly string[];
  /** Fetch pacts from a Pact Broker instead of files. */
  readonly brokerUrl?: string;
  readonly brokerToken?: string;
  /** Default: main branch and deployed/released consumer versions. */
  readonly consumerVersionSelectors?: readonly ConsumerVersionSelector[];
  /** The provider's version (e.g. a git SHA); required to publish results. */
  readonly providerVersion?: string;
  readonly providerBranch?: string;
  /** Publish the verification result to the broker (needs `brokerUrl` and `providerVersion`). */
  readonly publish?: boolean;
  /** helpdesk-ivr: the Twilio auth token the IVR validates X-Twilio-Signature with. */
  readonly authToken?: string;
  /** helpdesk-ivr: the public base URL the IVR rebuilds for validation (default `url`). */
  readonly publicUrl?: string;
  /** token-server: a secret it accepts, sent instead of the pact's example `Authorization`. */
  readonly bearerToken?: string;
  /** Run every XML answer through callrig's TwiML validation (default true for helpdesk-ivr). */
  readonly checkTwiml?: boolean;
  /** State hooks by state name; states without one are accepted as-is (a running server). */
  readonly stateHandlers?: Readonly<Record<string, StateHook>>;
  /** Verifier log level (default `warn`). */
  readonly logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error';
}

/** How one interaction fared. */
export interface InteractionOutcome {
  readonly consumer: string;
  readonly description: string;
  readonly state?: string;
  readonly ok: boolean;
  /** Mismatch messages, e.g. `$.twilio: Actual map is missing the following keys: twilio`. */
  readonly problems: readonly string[];
}

/** An XML answer that callrig's TwiML validation rejects (Twilio would fail the call). */
export interface TwimlProblem {
  /** `POST /voice` */
  readonly request: string;
  /** Diagnostics of severity `error` only. */
  readonly diagnostics: readonly Diagnostic[];
}

/** What {@link verifyProvider} returns. `ok` is false on any mismatch, TwiML error or crash. */
export interface VerifyReport {
  readonly provider: VerifiableProvider;
  readonly url: string;
  /** Pact files used, or the broker URL. */
  readonly source: string;
  readonly ok: boolean;
  readonly interactions: readonly InteractionOutcome[];
  readonly twiml: readonly TwimlProblem[];
  /** Failures outside any interaction: no pacts found, verifier crash, unreachable broker. */
  readonly errors: readonly string[];
  /** True when a result was sent to the broker (the verifier reports no publish failure). */
  readonly publishRequested: boolean;
}
