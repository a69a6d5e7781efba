import { type CallerScript, checkCallerScript, type WebhookPort } from '../core/index.ts';
import { AccountStore } from './accounts/account-store.ts';
import type { AccountConfig } from './accounts/types.ts';
import { type CallRecord, FINISHED } from './calls/call-record.ts';
import { CallRegistry } from './calls/call-registry.ts';
import { type CallServiceDeps, registerCall, runRegisteredCall } from './calls/call-service.ts';
import { tapPort } from './calls/recording-tap.ts';
import { type ConnectRequest, sdkCallInit } from './calls/sdk-connect.ts';
import { DebuggerLog } from './debugger/debugger-log.ts';
import type { ResolvedTwilioOptions } from './options.ts';
import { RecordingStore } from './recordings/recording-store.ts';
import { recordingJson } from './rest/call-json.ts';
import { createCallInit, type FormBody } from './rest/create-call.ts';
import { checkToken } from './tokens/verify-token.ts';
import { createHostPolicy, type HostPolicy } from './webhooks/host-policy.ts';
import { createKeepAliveAgents, destroyAgents } from './webhooks/http-exchange.ts';
import { createWebhookClient } from './webhooks/webhook-client.ts';

/** Result of a connect: 200 with the finished call, or a token refusal (no call created). */
export type ConnectOutcome =
  | {
      ok: true;
      httpStatus: 200;
      body: {
        callSid: string;
        status: string;
        durationSec: number;
        timeline: unknown[];
        recordings: unknown[];
        warnings: string[];
      };
    }
  | {
      ok: false;
      httpStatus: number;
      body: {
        code: number | string;
        sdkCode: number;
        message: string;
        errors?: { path: string; message: string }[];
      };
    };

/** Everything the fake holds, shared by its routes and the in-process API. */
export interface TwilioFakeContext {
  readonly options: ResolvedTwilioOptions;
  readonly accounts: AccountStore;
  readonly calls: CallRegistry;
  readonly recordings: RecordingStore;
  readonly debuggerLog: DebuggerLog;
  readonly hostPolicy: HostPolicy;
  /** The signing webhook client (tapped), as handed to the engine. */
  readonly port: WebhookPort;
  /** Origin used in RecordingUrl / media_url. */
  apiOrigin(): string;
  /** Called once the server listens, when no explicit apiOrigin was configured. */
  setListeningOrigin(origin: string): void;
  /** A Voice SDK connect: token check, then the whole call. */
  connect(req: ConnectRequest): Promise<ConnectOutcome>;
  /** REST create: validates (throws TwilioRestError), registers as queued, runs asynchronously. */
  createCall(account: AccountConfig, body: FormBody): CallRecord;
  /** Resolves once the call has ended. Rejects for an unknown SID. */
  waitForCall(sid: string): Promise<CallRecord>;
  /** Closes the webhook client's pooled sockets (`webhooks.keepAlive`); idempotent, no-op otherwise. */
  close(): void;
}

/** Builds the fake's state from resolved options (the composition happens here, once). */
export function createFakeContext(options: ResolvedTwilioOptions): TwilioFakeContext {
  const hostPolicy = createHostPolicy(options.webhooks.allowedHosts);
  const accounts = new AccountStore((app) => {
    for (const u of [app.voiceUrl, app.voiceFallbackUrl, app.statusCallback])
      if (u) hostPolicy.allowUrlHost(u);
  });
  accounts.load(options.config, 'options.config');
  if (options.configFile) accounts.loadFile(options.configFile);
  const calls = new CallRegistry();
  const { clock, ids } = options;
  const recordings = new RecordingStore(
    () => clock.now(),
    options.recording.availableAfterMs,
    options.recording.audio,
  );
  const debuggerLog = new DebuggerLog();
  const agents = options.webhooks.keepAlive ? createKeepAliveAgents() : undefined;
  const client = createWebhookClient({
    clock,
    hostPolicy,
    debuggerLog,
    authTokenFor: (sid) => {
      const call = calls.any(sid);
      return call ? accounts.account(call.accountSid)?.authToken : undefined;
    },
    timeScale: options.webhooks.timeScale,
    latency: options.webhooks.latency,
    allowSelfSigned: options.webhooks.allowSelfSigned,
    agents,
  });
  const port = tapPort(client, { calls, recordings, now: () => clock.now() });
  let listeningOrigin: string | undefined;
  const deps: CallServiceDeps = {
    clock,
    ids,
    port,
    calls,
    recordings,
    engine: options.engine,
    onFinished: (sid) => {
      for (const old of calls.finish(sid, options.retention.maxCalls)) {
        debuggerLog.drop(old);
        recordings.dropCall(old);
      }
    },
  };
  const apiOrigin = (): string => options.apiOrigin ?? listeningOrigin ?? 'http://127.0.0.1';

  return {
    options,
    accounts,
    calls,
    recordings,
    debuggerLog,
    hostPolicy,
    port,
    apiOrigin,
    setListeningOrigin(origin) {
      listeningOrigin = origin.replace(/\/+$/, '');
    },
    async connect(req) {
      if (
        req.params !== undefined &&
        (typeof req.params !== 'object' || req.params === null || Array.isArray(req.params))
      ) {
        return {
          ok: false,
          httpStatus: 400,
          body: { code: 20001, sdkCode: 31000, message: '`params` must be an object' },
        };
      }
      const problems =
        req.caller === undefined ? [] : checkCallerScript(req.caller).filter((d) => d.severity === 'error');
      if (problems.length > 0) {
        const errors = problems.map((d) => ({ path: d.path ?? 'caller', message: d.message }));
        return {
          ok: false,
          httpStatus: 400,
          body: {
            code: 'CALLRIG_CONFIG_INVALID',
            sdkCode: 31100,
            message: `Invalid caller script: ${errors[0]?.message}`,
            errors,
          },
        };
      }
      const checked = checkToken(req.token, {
        accounts,
        nowMs: clock.now(),
        clockSkewSeconds: options.tokens.clockSkewSeconds,
      });
      if (!checked.ok) {
        const httpStatus = checked.code === 31102 ? 400 : checked.code === 21218 ? 404 : 401;
        return {
          ok: false,
          httpStatus,
          body: { code: checked.code, sdkCode: checked.sdkCode, message: checked.message },
        };
      }
      const { init, warnings } = sdkCallInit(checked, req.params ?? {}, ids.sid('CA'), apiOrigin());
      const call = registerCall(deps, init, 'ringing');
      const result = await runRegisteredCall(deps, call, init, req.caller as CallerScript | undefined);
      if (!result) {
        return {
          ok: false,
          httpStatus: 502,
          body: { code: 31005, sdkCode: 31005, message: `Call failed inside callrig: ${call.internalError}` },
        };
      }
      return {
        ok: true,
        httpStatus: 200,
        body: {
          callSid: call.sid,
          status: result.status,
          durationSec: result.durationSec,
          timeline: result.timeline,
          recordings: result.recordings.map((r) => {
            const rec = recordings.get(r.recordingSid);
            return rec ? recordingJson(rec, apiOrigin()) : r;
          }),
          warnings,
        },
      };
    },
    createCall(account, body) {
      const { init, caller } = createCallInit(body, account, accounts, ids.sid('CA'), apiOrigin());
      const call = registerCall(deps, init, 'queued');
      // @note Twilio answers 201 queued first; the call runs after the response is on its way.
      setImmediate(() => {
        if (call.status === 'canceled') return;
        calls.setStatus(call, 'ringing', clock.now());
        void runRegisteredCall(deps, call, init, caller as CallerScript | undefined);
      });
      return call;
    },
    async waitForCall(sid) {
      const call = calls.any(sid);
      if (!call) throw new Error(`Unknown call ${sid}`);
      if (!FINISHED.has(call.status) || call.result === null) await call.done;
      return call;
    },
    close() {
      if (agents) destroyAgents(agents);
    },
  };
}
