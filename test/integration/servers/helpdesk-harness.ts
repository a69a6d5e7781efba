import type { FastifyInstance } from 'fastify';
import twilio from 'twilio';
import { afterEach } from 'vitest';
import { buildHelpDesk, type HelpDeskDeps } from '../../../src/servers/helpdesk/app.ts';
import { createMemoryCallbackQueue } from '../../../src/servers/helpdesk/callback-queue/memory-queue.ts';
import type { CallbackQueue } from '../../../src/servers/helpdesk/callback-queue/types.ts';
import { loadHelpDeskConfig } from '../../../src/servers/helpdesk/config.ts';
import { HELPDESK_ENV } from '../../unit/servers/fixtures.ts';

export const TOKEN = HELPDESK_ENV.TWILIO_AUTH_TOKEN;
/** The brief's example host, so the brief's document can be compared verbatim. */
export const BASE = 'http://www.your-domain.com';

export const CALL = {
  AccountSid: 'AC00000000000000000000000000000001',
  ApiVersion: '2010-04-01',
  ApplicationSid: 'AP00000000000000000000000000000004',
  CallSid: 'CA00000000000000000000000000000002',
  CallStatus: 'in-progress',
  Called: '',
  Caller: 'client:alice',
  Direction: 'inbound',
  From: 'client:alice',
  To: '',
};
export const RECORDING = {
  ...CALL,
  RecordingDuration: '12',
  RecordingSid: 'RE00000000000000000000000000000003',
  RecordingUrl:
    'https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000001/Recordings/RE3',
};

/** Form-encodes params, repeating keys for array values. */
export function form(params: Record<string, string | string[]>): string {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return body.toString();
}

/** An inject() request signed with twilio's own signer over `signUrl`. */
export function signedPost(
  url: string,
  params: Record<string, string | string[]>,
  signUrl = `${BASE}${url}`,
) {
  return {
    method: 'POST' as const,
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(TOKEN, signUrl, params),
    },
    payload: form(params),
  };
}

/** Builds help desks on an in-memory queue (unless given one) and closes them after each test. */
export function useHelpDesk() {
  let app: FastifyInstance | undefined;
  let queue: CallbackQueue = createMemoryCallbackQueue();
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  return {
    build(env: Record<string, string | undefined> = {}, deps: HelpDeskDeps = {}): FastifyInstance {
      queue = deps.queue ?? createMemoryCallbackQueue();
      app = buildHelpDesk(loadHelpDeskConfig({ ...HELPDESK_ENV, HELPDESK_PUBLIC_URL: BASE, ...env }), {
        ...deps,
        queue,
      });
      return app;
    },
    get queue(): CallbackQueue {
      return queue;
    },
  };
}
