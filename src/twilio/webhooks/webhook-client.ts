import { randomUUID } from 'node:crypto';
import type { CallrigCode } from '../../core/errors/callrig-codes.ts';
import type { Clock, WebhookPort, WebhookRequest, WebhookResult } from '../../core/index.ts';
import { type DebuggerLog, EXCERPT_CHARS, paramsRecord } from '../debugger/debugger-log.ts';
import type { HostPolicy } from './host-policy.ts';
import { type AttemptOutcome, attempt, type FailureClass, type KeepAliveAgents } from './http-exchange.ts';
import { computeSignature, formEncode, signedUrl, splitUrl, wireUrl } from './signature.ts';
import { HARD_CAP_MS, parseOverrides, type RetryClass } from './url-overrides.ts';

/** What the webhook client needs; all injected so tests can shrink timers and read the log. */
export interface WebhookClientDeps {
  clock: Clock;
  hostPolicy: HostPolicy;
  debuggerLog: DebuggerLog;
  /** Auth token that signs requests for a call (its account's primary token). */
  authTokenFor(callSid: string): string | undefined;
  /** Multiplies every timer (test-only `webhooks.timeScale`); codes are unchanged. Default 1. */
  timeScale?: number;
  /**
   * How long an exchange counts for on the call's clock. `measured` (default, §5.1): the real
   * duration. `nominal`: 0 for an answer, the expired timer for a time-out — what a virtual-time
   * run needs for byte-identical timelines, since real latency jitters between runs.
   */
  latency?: 'measured' | 'nominal';
  allowSelfSigned?: boolean;
  /**
   * Opt-in `webhooks.keepAlive`: pooled sockets and no `Connection: close`. Absent (default):
   * Twilio's behaviour, a fresh socket per request with `Connection: close` (twilio-voice.md §4.1).
   */
  agents?: KeepAliveAgents;
}

const MAX_REDIRECTS = 10;
const MAX_BODY_READ = 1024 * 1024;

/**
 * The signing HTTP client behind the engine's WebhookPort (twilio-voice.md §4–§6).
 * @example const port = createWebhookClient(deps); const res = await port({ kind: 'voice', ... });
 */
export function createWebhookClient(deps: WebhookClientDeps): WebhookPort {
  const scale = deps.timeScale ?? 1;
  return async (req: WebhookRequest): Promise<WebhookResult> => {
    const startedAt = deps.clock.now();
    const t0 = performance.now();
    const overrides = parseOverrides(req.url);
    const warnings = overrides.warnings.map((w) => (w.code ? `${w.code}: ${w.message}` : w.message));
    const token = deps.authTokenFor(req.callSid) ?? '';
    const log = (result: WebhookResult, attempts: number, sentUrl: string): WebhookResult => {
      const res = result.ok ? result : null;
      deps.debuggerLog.add(req.callSid, {
        at: new Date(startedAt).toISOString(),
        kind: req.kind,
        method: req.method,
        url: sentUrl,
        params: paramsRecord(req.params),
        attempts,
        status: res?.status ?? null,
        contentType: res?.contentType ?? null,
        elapsedMs: result.elapsedMs,
        bodyExcerpt: res ? res.body.slice(0, EXCERPT_CHARS) : '',
        errorCode: result.ok ? httpErrorCode(req.kind, result.status) : result.code,
        message: result.ok ? null : result.message,
        warnings,
      });
      return result;
    };
    const nominal = deps.latency === 'nominal';
    const elapsed = (): number => (nominal ? 0 : Math.round((performance.now() - t0) / scale));
    // @note In nominal mode a time-out still costs its timer, so a stalled server shows 15 s.
    const timedOut = (): number => (nominal ? Math.min(overrides.rt, overrides.tt, HARD_CAP_MS) : elapsed());
    const failure = (code: number | CallrigCode, message: string): WebhookResult => ({
      ok: false,
      code,
      message,
      elapsedMs: elapsed(),
    });

    const parts = splitUrl(req.url);
    const scheme = parts?.scheme.toLowerCase();
    if (!parts || (scheme !== 'http://' && scheme !== 'https://') || !parts.host) {
      return log(failure(11100, `Invalid URL format: ${req.url}`), 0, req.url);
    }
    let url = req.url;
    let method = req.method;
    let params: ReadonlyArray<readonly [string, string]> = req.params;
    const credentials = parts.userInfo ? decodeURIComponent(parts.userInfo) : null;
    let sendAuth = false;
    let redirects = 0;
    let attempts = 0;
    let retriesLeft = overrides.rc;
    const budgetMs = Math.min(overrides.tt, HARD_CAP_MS) * scale;

    for (;;) {
      const sent = buildWire(url, method, params);
      if (!deps.hostPolicy.allows(sent)) {
        return log(
          failure(
            'CALLRIG_HOST_NOT_ALLOWED',
            `${hostOf(sent)} is not in webhooks.allowedHosts; request refused before connecting`,
          ),
          attempts,
          sent,
        );
      }
      const remaining = budgetMs - (performance.now() - t0);
      if (remaining <= 0) return log(deadlineFailure(), attempts, sent);
      attempts++;
      const headers: Record<string, string> = {
        'X-Twilio-Signature': computeSignature(
          token,
          method === 'GET' ? signedUrl(sent) : signedUrl(url),
          method === 'GET' ? [] : params,
        ),
        'I-Twilio-Idempotency-Token': randomUUID(),
        'User-Agent': 'TwilioProxy/1.1',
        'Cache-Control': 'max-age=259200',
      };
      if (!deps.agents) headers.Connection = 'close';
      let body: string | undefined;
      if (method === 'POST') {
        body = formEncode(params);
        headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=UTF-8';
        headers['Content-Length'] = String(Buffer.byteLength(body));
      }
      if (sendAuth && credentials)
        headers.Authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
      const outcome: AttemptOutcome = await attempt({
        method,
        url: sent,
        headers,
        body,
        connectTimeoutMs: overrides.ct * scale,
        responseTimeoutMs: overrides.rt * scale,
        deadlineMs: remaining,
        maxBodyBytes: MAX_BODY_READ,
        allowSelfSigned: deps.allowSelfSigned ?? false,
        agents: deps.agents,
      });

      if (outcome.kind === 'failure') {
        if (outcome.cls === 'deadline') return log(deadlineFailure(), attempts, sent);
        if (retriesLeft > 0 && overrides.rp.has(retryClassOf(outcome.cls) as RetryClass)) {
          retriesLeft--;
          continue;
        }
        const failed = failure(outcome.code, outcome.message);
        return log(outcome.cls === 'rt' ? { ...failed, elapsedMs: timedOut() } : failed, attempts, sent);
      }

      const { status } = outcome;
      const location = header(outcome.headers.location);
      if (status >= 300 && status < 400 && status !== 304 && location) {
        if (++redirects > MAX_REDIRECTS)
          return log(failure(11215, `More than ${MAX_REDIRECTS} HTTP redirects`), attempts, sent);
        // @note Followed as GET without the form body (§12: Twilio documents that Digits is lost).
        url = resolveRedirect(sent, location);
        method = 'GET';
        params = [];
        continue;
      }
      if (status === 401 && credentials && !sendAuth && header(outcome.headers['www-authenticate'])) {
        sendAuth = true;
        warnings.push('401 with WWW-Authenticate: retrying with the URL credentials');
        continue;
      }
      const cls = status >= 500 ? '5xx' : status >= 400 ? '4xx' : null;
      if (cls && retriesLeft > 0 && overrides.rp.has(cls)) {
        retriesLeft--;
        continue;
      }
      return log(
        {
          ok: true,
          status,
          contentType: header(outcome.headers['content-type']) ?? null,
          body: outcome.body,
          bodyBytes: outcome.bodyBytes,
          chunked: outcome.chunked,
          elapsedMs: elapsed(),
          finalUrl: sent,
        },
        attempts,
        sent,
      );
    }

    function deadlineFailure(): WebhookResult {
      const res = overrides.ttExplicit
        ? failure(11203, `Total time budget tt=${overrides.tt}ms used up`)
        : failure(
            11200,
            `No complete response within ${Math.min(overrides.rt, HARD_CAP_MS)}ms / the 15 s cap`,
          );
      return { ...res, elapsedMs: timedOut() };
    }
  };
}

/** The URL as sent: no credentials or fragment; GET parameters appended to the query. */
function buildWire(
  url: string,
  method: 'GET' | 'POST',
  params: ReadonlyArray<readonly [string, string]>,
): string {
  const base = wireUrl(url);
  if (method !== 'GET' || params.length === 0) return base;
  return `${base}${base.includes('?') ? '&' : '?'}${formEncode(params)}`;
}

function retryClassOf(cls: FailureClass): RetryClass | null {
  if (cls === 'ct' || cls === 'tls') return 'ct';
  if (cls === 'rt') return 'rt';
  return null; // @note partial responses, DNS and protocol errors are never retried (§5.1)
}

function resolveRedirect(base: string, location: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function hostOf(url: string): string {
  return splitUrl(url)?.host ?? url;
}

/**
 * What Twilio's debugger shows for an HTTP answer: 4xx/5xx is 11200 on a TwiML request and
 * 15003 (a warning) on a status or recording callback (twilio-voice.md §5.2–5.3).
 */
function httpErrorCode(kind: WebhookRequest['kind'], status: number): number | null {
  if (status < 400) return null;
  return kind.endsWith('callback') ? 15003 : 11200;
}
