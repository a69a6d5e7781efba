import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import twilio from 'twilio';
import {
  CALLRIG_CODES,
  createVirtualClock,
  type TimelineEvent,
  TWILIO_CODES,
} from '../../../src/core/index.ts';
import { createTwilioFake } from '../../../src/twilio/index.ts';
import { type FaultExchange, startFaultServer } from '../../helpers/fault-server.ts';
import type { FuzzSession, FuzzTarget } from '../types.ts';
import { FuzzFailure } from '../verdict.ts';
import { twimlArbitrary } from './twiml-arbitrary.ts';

const AC = 'AC0000000000000000000000000000e091';
const AUTH = 'e091e091e091e091e091e091e091e091';
const SK = 'SK0000000000000000000000000000e091';
const SECRET = 'engine-fuzz-secret';
const AP = 'AP0000000000000000000000000000e091';
const AP_FALLBACK = 'AP0000000000000000000000000000e092';
const HANG_MS = 30_000;

interface Answer {
  status: number;
  contentType: string | null;
  body: string;
  encoding: 'plain' | 'chunked' | 'gzip' | 'gzip-garbage';
}
interface EngineInput {
  answers: Answer[];
  fallback: Answer | null;
  caller: unknown[];
}

const statuses = fc.oneof(
  { weight: 12, arbitrary: fc.constant(200) },
  { weight: 1, arbitrary: fc.constantFrom(201, 204, 301, 302, 307, 400, 401, 404, 500, 503) },
);
const contentTypes = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      'text/xml',
      'application/xml',
      'text/html',
      'text/xml; charset=utf-8',
      'TEXT/XML',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      null,
      'application/json',
      'text/plain',
      'audio/mpeg',
      'audio/wav',
      'image/png',
      '',
      'text/xml;;;',
      'x',
    ),
  },
);

const callerStep = fc.oneof(
  fc.constantFrom(
    { waitFor: 'beep' },
    { waitFor: 'record' },
    { waitFor: 'gather' },
    { waitFor: { sayText: '.' } },
    { hangup: true },
  ),
  fc.integer({ min: 0, max: 90 }).map((n) => ({ speak: n })),
  fc.integer({ min: 0, max: 30 }).map((n) => ({ silence: n })),
  fc.constantFrom('1', '#', '*', '12#', '9', '0').map((k) => ({ press: k })),
  fc.constantFrom('yes', 'support please').map((t) => ({ say: t })),
  fc.integer({ min: 0, max: 20 }).map((n) => ({ hangup: { after: n } })),
  fc
    .record({ record: fc.integer({ min: 1, max: 2 }), after: fc.integer({ min: 0, max: 10 }) })
    .map((h) => ({ hangupDuring: h })),
);

function serve(x: FaultExchange, a: Answer): void {
  if (a.status >= 300 && a.status < 400) {
    x.respond({ status: a.status, headers: { Location: '/doc' }, body: '' });
    return;
  }
  const headers: Record<string, string | null> = { 'Content-Type': a.contentType };
  if (a.encoding === 'gzip' || a.encoding === 'gzip-garbage') headers['Content-Encoding'] = 'gzip';
  const body =
    a.encoding === 'gzip'
      ? gzipSync(a.body)
      : a.encoding === 'gzip-garbage'
        ? Buffer.from('\x1f\x8b garbage')
        : a.body;
  x.respond({ status: a.status, headers, body, chunked: a.encoding === 'chunked' });
}

/**
 * The call engine behind the fake Twilio's real webhook client, against a server answering
 * random statuses, content types, encodings and TwiML. Every call must end (once), name only
 * catalogued codes, and never become an internal error.
 */
export const engineTarget: FuzzTarget = {
  name: 'engine-webhooks',
  weight: 2,
  async open(): Promise<FuzzSession> {
    const server = await startFaultServer();
    let queue: Answer[] = [];
    let fallback: Answer | null = null;
    let served = 0;
    server.route('/doc', (x) => {
      served++;
      const next = queue.shift();
      // @note After the scripted answers (and at most 40 requests) the call is told to hang up,
      // so a Redirect loop in a random document costs 40 fetches, not the engine's 1000.
      if (!next || served > 40)
        x.respond({
          status: 200,
          headers: { 'Content-Type': 'text/xml' },
          body: '<Response><Hangup/></Response>',
        });
      else serve(x, next);
    });
    server.route('/fallback', (x) => (fallback ? serve(x, fallback) : x.respond({ status: 500, body: '' })));
    const fake = await createTwilioFake({
      clock: createVirtualClock(Date.now()),
      config: {
        accounts: [{ sid: AC, authToken: AUTH, apiKeys: [{ sid: SK, secret: SECRET }] }],
        apps: [
          {
            sid: AP,
            accountSid: AC,
            voiceUrl: `${server.origin}/doc`,
            statusCallback: `${server.origin}/status`,
          },
          {
            sid: AP_FALLBACK,
            accountSid: AC,
            voiceUrl: `${server.origin}/doc`,
            voiceFallbackUrl: `${server.origin}/fallback`,
          },
        ],
      },
      webhooks: { timeScale: 0.02 },
      // @note Virtual time runs far ahead of wall time over thousands of calls; tokens are not what is fuzzed here.
      tokens: { clockSkewSeconds: 100 * 365 * 86_400 },
    });
    await fake.listen();
    const tokenFor = (app: string): string => {
      const t = new twilio.jwt.AccessToken(AC, SK, SECRET, { identity: 'fuzz', ttl: 86_000 });
      t.addGrant(new twilio.jwt.AccessToken.VoiceGrant({ outgoingApplicationSid: app }));
      return t.toJwt();
    };
    const tokens = { plain: tokenFor(AP), fallback: tokenFor(AP_FALLBACK) };
    const answer: fc.Arbitrary<Answer> = fc.record({
      status: statuses,
      contentType: contentTypes,
      body: twimlArbitrary(server.origin),
      encoding: fc.oneof(
        { weight: 10, arbitrary: fc.constant('plain' as const) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('chunked' as const, 'gzip' as const, 'gzip-garbage' as const),
        },
      ),
    });
    const arbitrary: fc.Arbitrary<EngineInput> = fc.record({
      answers: fc.array(answer, { minLength: 1, maxLength: 4 }),
      fallback: fc.option(answer, { freq: 3 }),
      caller: fc.array(callerStep, { maxLength: 6 }),
    });

    const counts: Record<string, number> = {};
    const runOne = async (inp: EngineInput): Promise<string[]> => {
      queue = [...inp.answers];
      fallback = inp.fallback;
      served = 0;
      const connect = fake.connect({
        token: inp.fallback ? tokens.fallback : tokens.plain,
        caller: inp.caller,
      });
      let timer: NodeJS.Timeout | undefined;
      const hang = new Promise<'hang'>((r) => {
        timer = setTimeout(() => r('hang'), HANG_MS);
      });
      const res = await Promise.race([connect, hang]);
      clearTimeout(timer);
      if (res === 'hang') return [`the call did not end within ${HANG_MS / 1000} s of wall time`];
      if (!res.ok) {
        counts[`refused:${res.httpStatus}`] = (counts[`refused:${res.httpStatus}`] ?? 0) + 1;
        return res.httpStatus === 400
          ? []
          : [`connect failed ${res.httpStatus}: ${JSON.stringify(res.body)}`];
      }
      const timeline = res.body.timeline as TimelineEvent[];
      const end = timeline.find((e) => e.type === 'call.ended');
      const key = end?.type === 'call.ended' ? end.reason : 'no-end';
      counts[key] = (counts[key] ?? 0) + 1;
      return timelineProblems(timeline);
    };
    return {
      arbitrary,
      stats: () => counts,
      async run(input) {
        const problems = await runOne(input as EngineInput);
        if (problems.length > 0) throw new FuzzFailure(problems);
      },
      async after() {
        const problems = await runOne({
          answers: [
            {
              status: 200,
              contentType: 'text/xml',
              body: '<Response><Say>ok</Say></Response>',
              encoding: 'plain',
            },
          ],
          fallback: null,
          caller: [],
        });
        if (problems.length > 0)
          throw new FuzzFailure([`a healthy call after fuzzing failed: ${problems.join('; ')}`]);
      },
      async close() {
        await fake.close();
        await server.close();
      },
    };
  },
};

/** What must hold for every call, whatever the webhooks answered. */
export function timelineProblems(timeline: TimelineEvent[]): string[] {
  const out: string[] = [];
  const ends = timeline.filter((e) => e.type === 'call.ended');
  if (ends.length !== 1) out.push(`${ends.length} call.ended events`);
  const last = timeline.at(-1);
  if (last?.type !== 'call.ended') {
    const lateOk = timeline
      .slice(timeline.findIndex((e) => e.type === 'call.ended'))
      .every(
        (e) =>
          e.type === 'call.ended' ||
          e.type === 'callback.sent' ||
          e.type === 'webhook.requested' ||
          e.type === 'webhook.responded' ||
          e.type === 'error',
      );
    if (!lateOk)
      out.push(
        `events after call.ended: ${timeline
          .slice(timeline.findIndex((e) => e.type === 'call.ended') + 1)
          .map((e) => e.type)
          .join(', ')}`,
      );
  }
  for (const e of timeline) {
    if (e.type !== 'error') continue;
    const known = typeof e.code === 'number' ? e.code in TWILIO_CODES : e.code in CALLRIG_CODES;
    if (!known) out.push(`uncatalogued code ${String(e.code)}: ${e.message}`);
  }
  let prev = -Infinity;
  for (const e of timeline) {
    if (e.at < prev) out.push(`time went backwards at ${e.type}`);
    prev = e.at;
  }
  return out;
}
