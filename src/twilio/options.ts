import type { FastifyBaseLogger } from 'fastify';
import {
  type Clock,
  createIdSource,
  createVirtualClock,
  type EngineOptionsInput,
  type IdSource,
} from '../core/index.ts';
import type { TwilioFakeConfig } from './accounts/types.ts';
import type { AudioSource } from './recordings/wav.ts';

/**
 * Options of `createTwilioFake` / `twilioPlugin`, each with its default in `resolveTwilioOptions`.
 * @example createTwilioFake({ config: { accounts: [...], apps: [...] }, webhooks: { timeScale: 0.01 } })
 */
export interface TwilioFakeOptions {
  /**
   * Time source; default a virtual clock started at wall time. Pass `createRealClock()` for a
   * phone UI or to update REST calls while they run.
   */
  clock?: Clock;
  /** SID source; default `createIdSource(seed)`. */
  ids?: IdSource;
  /** Seed for the default id source. Default 1. */
  seed?: string | number;
  /** Accounts, API keys, TwiML Apps and callee scripts (validated; errors name the field). */
  config?: TwilioFakeConfig;
  /** A JSON file with the same shape as `config`, loaded after it. */
  configFile?: string;
  /**
   * Origin used in RecordingUrl / media_url. Default: the listening origin once known
   * (`setListeningOrigin`), else `http://127.0.0.1`. Set `https://api.twilio.com` with the interceptor.
   */
  apiOrigin?: string;
  /** Passed to the core engine (record.silentRecording, ...). */
  engine?: EngineOptionsInput;
  webhooks?: {
    /** Multiplies every HTTP timer (ct, rt, tt, 15 s cap); test-only. Default 1. */
    timeScale?: number;
    /** Hosts the webhook client may call besides loopback and configured App URL hosts. */
    allowedHosts?: string[];
    /** Accept self-signed TLS certificates. Default false (11237). */
    allowSelfSigned?: boolean;
    /**
     * `measured` (default): the call's clock advances by each exchange's real duration (§5.1).
     * `nominal`: answers cost 0 and time-outs their timer, for deterministic virtual runs.
     */
    latency?: 'measured' | 'nominal';
    /**
     * Reuse sockets between webhook requests (one keep-alive pool, closed with the fake) and
     * drop `Connection: close`. Default false: Twilio opens a fresh socket per request and sends
     * `Connection: close` (twilio-voice.md §4.1). For load-testing an IVR where the client's
     * connection setup, not the server, would otherwise be the bottleneck.
     */
    keepAlive?: boolean;
  };
  tokens?: {
    /** Tolerance for exp/nbf. Default 0. */
    clockSkewSeconds?: number;
  };
  recording?: {
    /** Media stays 404 this long after completion (reproduces Twilio's race). Default 0. */
    availableAfterMs?: number;
    /** Media content. Default silence. */
    audio?: AudioSource;
  };
  media?: {
    /** Require Basic auth for recording media (Twilio's opt-in). Default false. */
    requireAuth?: boolean;
  };
  retention?: {
    /**
     * Finished calls kept (with their debugger log and recordings); older ones are forgotten.
     * Default 10,000.
     */
    maxCalls?: number;
  };
  /** Fastify logger settings or instance; default silent (`false`). */
  logger?: boolean | FastifyBaseLogger;
}

export interface ResolvedTwilioOptions {
  clock: Clock;
  ids: IdSource;
  config: TwilioFakeConfig;
  configFile: string | undefined;
  apiOrigin: string | undefined;
  engine: EngineOptionsInput;
  webhooks: {
    timeScale: number;
    allowedHosts: string[];
    allowSelfSigned: boolean;
    latency: 'measured' | 'nominal';
    keepAlive: boolean;
  };
  tokens: { clockSkewSeconds: number };
  recording: { availableAfterMs: number; audio: AudioSource };
  media: { requireAuth: boolean };
  retention: { maxCalls: number };
  logger: boolean | FastifyBaseLogger;
}

/** Applies the defaults. */
export function resolveTwilioOptions(o: TwilioFakeOptions = {}): ResolvedTwilioOptions {
  return {
    // @note Virtual by default (DESIGN.md), started at wall time so tokens minted by a real
    // token server are neither expired nor "too far in the future" on the fake's clock.
    clock: o.clock ?? createVirtualClock(Date.now()),
    ids: o.ids ?? createIdSource(o.seed ?? 1),
    config: o.config ?? { accounts: [] },
    configFile: o.configFile,
    apiOrigin: o.apiOrigin?.replace(/\/+$/, ''),
    engine: o.engine ?? {},
    webhooks: {
      timeScale: o.webhooks?.timeScale ?? 1,
      allowedHosts: o.webhooks?.allowedHosts ?? [],
      allowSelfSigned: o.webhooks?.allowSelfSigned ?? false,
      latency: o.webhooks?.latency ?? 'measured',
      keepAlive: o.webhooks?.keepAlive ?? false,
    },
    tokens: { clockSkewSeconds: o.tokens?.clockSkewSeconds ?? 0 },
    recording: {
      availableAfterMs: o.recording?.availableAfterMs ?? 0,
      audio: o.recording?.audio ?? { kind: 'silence' },
    },
    media: { requireAuth: o.media?.requireAuth ?? false },
    retention: { maxCalls: Math.max(1, o.retention?.maxCalls ?? 10_000) },
    logger: o.logger ?? false,
  };
}
