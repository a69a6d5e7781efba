/**
 * `verifyProvider`: replays callrig's pacts against a running token server or help-desk IVR
 * with the real Pact verifier, and returns a readable report instead of throwing.
 */
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import { validateTwiml } from '../core/index.ts';
import { DEFAULT_PACT_DIR, pactFilesFor, pactStates } from './pact-sources.ts';
import { type CapturedResponse, createRequestFilter } from './request-filter.ts';
import type { StateHook, TwimlProblem, VerifyOptions, VerifyReport } from './types.ts';
import { interactionOutcomes, parseVerifierJson } from './verifier-results.ts';

const DEFAULT_SELECTORS = [{ mainBranch: true }, { deployedOrReleased: true }];

/**
 * Verifies one provider against its pacts (files by default, or a Pact Broker).
 *
 * For `helpdesk-ivr`, give `authToken` (and `publicUrl` if the IVR validates against another
 * base URL than `url`): every replayed webhook is re-signed, so the IVR is checked with
 * signature validation ON. Every XML answer also goes through callrig's TwiML validation; an
 * ERROR diagnostic fails the run, since Twilio would reject that document.
 *
 * @example
 * const report = await verifyProvider({ provider: 'helpdesk-ivr', url: 'http://127.0.0.1:3000', authToken });
 * console.log(formatVerifyReport(report));
 * process.exitCode = report.ok ? 0 : 1;
 */
export async function verifyProvider(opts: VerifyOptions): Promise<VerifyReport> {
  const errors: string[] = [];
  const twiml: TwimlProblem[] = [];
  const publish = opts.publish === true;
  let source = opts.brokerUrl ?? '';
  let pactUrls: string[] | undefined;
  const report = (extra: Partial<VerifyReport> = {}): VerifyReport => ({
    provider: opts.provider,
    url: opts.url,
    source,
    ok: false,
    interactions: [],
    twiml,
    errors,
    publishRequested: false,
    ...extra,
  });

  if (publish && (opts.brokerUrl === undefined || opts.providerVersion === undefined)) {
    errors.push('publishing verification results needs brokerUrl and providerVersion');
    return report();
  }
  if (opts.brokerUrl === undefined) {
    try {
      pactUrls = opts.pactUrls ? [...opts.pactUrls] : await pactFilesFor(opts.provider, opts.pactDir);
    } catch (error) {
      errors.push((error as Error).message);
      return report();
    }
    source = pactUrls.join(', ');
    if (pactUrls.length === 0) {
      errors.push(`no pact for provider "${opts.provider}" in ${opts.pactDir ?? DEFAULT_PACT_DIR}`);
      return report();
    }
  }

  const unreachable = await probe(opts.url);
  if (unreachable !== null) {
    errors.push(`cannot reach the provider at ${opts.url}: ${unreachable}`);
    return report();
  }

  const checkTwiml = opts.checkTwiml ?? opts.provider === 'helpdesk-ivr';
  const onResponse = (c: CapturedResponse): void => {
    if (c.status >= 300 || !/xml/i.test(c.contentType)) return;
    const diagnostics = validateTwiml(c.body, { file: c.request }).filter((d) => d.severity === 'error');
    if (diagnostics.length > 0) twiml.push({ request: c.request, diagnostics });
  };
  const filter = createRequestFilter({
    ...(opts.authToken ? { sign: { authToken: opts.authToken, publicUrl: opts.publicUrl ?? opts.url } } : {}),
    ...(opts.bearerToken ? { bearerToken: opts.bearerToken } : {}),
    ...(checkTwiml ? { onResponse } : {}),
  });

  const config: VerifierOptions = {
    provider: opts.provider,
    providerBaseUrl: opts.url,
    logLevel: opts.logLevel ?? 'warn',
    // @note The filter is express middleware; pact-js types it with @types/express, not shipped.
    requestFilter: filter as unknown as VerifierOptions['requestFilter'],
    stateHandlers: stateHandlers(opts.stateHandlers ?? {}, pactUrls ? await pactStates(pactUrls) : []),
    ...(pactUrls ? { pactUrls } : {}),
    ...(opts.brokerUrl
      ? {
          pactBrokerUrl: opts.brokerUrl,
          consumerVersionSelectors: [...(opts.consumerVersionSelectors ?? DEFAULT_SELECTORS)],
          ...(opts.brokerToken ? { pactBrokerToken: opts.brokerToken } : {}),
        }
      : {}),
    ...(opts.providerVersion ? { providerVersion: opts.providerVersion } : {}),
    ...(opts.providerBranch ? { providerVersionBranch: opts.providerBranch } : {}),
    ...(publish ? { publishVerificationResult: true } : {}),
  };

  let text: string;
  try {
    text = await new Verifier(config).verifyProvider();
  } catch (error) {
    // @note pact-core rejects with the same JSON result on mismatches; anything else is a crash.
    text = error instanceof Error ? error.message : String(error);
  }
  const raw = parseVerifierJson(text);
  if (raw === null) errors.push(`the Pact verifier did not run to completion: ${text}`);
  const interactions = raw ? interactionOutcomes(raw) : [];
  if (raw !== null && interactions.length === 0) errors.push('the verifier found no interaction to verify');
  const ok =
    raw?.result === true && interactions.every((i) => i.ok) && twiml.length === 0 && errors.length === 0;
  return report({ ok, interactions, publishRequested: publish });
}

/**
 * Null when something answers HTTP at `url`, else why not.
 * @note pact-js's proxy has no error handler: a refused connection surfaces as an uncaught
 * exception and the verifier waits out its own timeout, so the provider is probed first.
 */
async function probe(url: string): Promise<string | null> {
  try {
    const res = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(5000) });
    await res.body?.cancel();
    return null;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? (error as Error).message;
  }
}

/**
 * State hooks, plus a no-op for every known state without one.
 * @note A server started by the user already is in whatever state it is; without the no-ops
 * the verifier logs "no state handler found" for every such interaction.
 */
function stateHandlers(
  hooks: Readonly<Record<string, StateHook>>,
  known: readonly string[],
): NonNullable<VerifierOptions['stateHandlers']> {
  const handlers: NonNullable<VerifierOptions['stateHandlers']> = {};
  // @note Interactions without a state still trigger a setup call, named "".
  for (const state of ['', ...known]) handlers[state] = async () => undefined;
  for (const [state, hook] of Object.entries(hooks)) {
    handlers[state] = async () => {
      await hook();
      return undefined;
    };
  }
  return handlers;
}
