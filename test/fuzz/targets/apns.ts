import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import http2 from 'node:http2';
import fc from 'fast-check';
import { createIdSource, createVirtualClock } from '../../../src/core/index.ts';
import { buildFakeApns } from '../../../src/push/apns/fake-apns.ts';
import type { FuzzSession, FuzzTarget } from '../types.ts';
import { answerProblems, FuzzFailure } from '../verdict.ts';

const BUNDLE = 'com.example.fuzz';
const KID = 'FUZZKEY001';
const TEAM = 'FUZZTEAM01';

interface H2Input {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** An APNs provider JWT signed with `key` (ES256, as Catapush's node-apn would). */
function providerJwt(key: KeyObject, iat: number, kid = KID, iss = TEAM): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const data = `${b64({ alg: 'ES256', kid })}.${b64({ iss, iat })}`;
  return `${data}.${sign('sha256', Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}

/** The fake APNs over real HTTP/2 + TLS: random methods, paths, APNs headers and payloads. */
export const apnsTarget: FuzzTarget = {
  name: 'apns-fake-h2',
  weight: 3,
  async open(): Promise<FuzzSession> {
    const clock = createVirtualClock(Date.now());
    const ids = createIdSource('fuzz-apns');
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const apns = buildFakeApns({
      clock,
      ids,
      keys: [{ kid: KID, teamId: TEAM, publicKey, topics: [BUNDLE] }],
    });
    await apns.listen();
    const voip = apns.devices.issue({
      bundleId: BUNDLE,
      kind: 'voip',
      environment: 'sandbox',
      receiver: () => {},
    });
    const alert = apns.devices.issue({
      bundleId: BUNDLE,
      kind: 'apns',
      environment: 'sandbox',
      receiver: () => {},
    });
    const good = providerJwt(privateKey, Math.floor(Date.now() / 1000));
    let session: http2.ClientHttp2Session | null = null;
    const connect = (): http2.ClientHttp2Session => {
      if (session && !session.closed && !session.destroyed) return session;
      const s = http2.connect(apns.urls.sandbox, { ca: apns.certPem });
      s.on('error', () => {});
      session = s;
      return s;
    };
    const str = fc.stringMatching(/^[\x21-\x7e]{0,30}$/);
    const random: fc.Arbitrary<H2Input> = fc.record({
      method: fc.oneof(
        { weight: 5, arbitrary: fc.constant('POST') },
        { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS') },
      ),
      path: fc.oneof(
        {
          weight: 4,
          arbitrary: fc
            .constantFrom(voip, alert, 'ab'.repeat(32), 'zz', '', 'A'.repeat(200))
            .map((t) => `/3/device/${t}`),
        },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '/',
            '/3/device',
            '/3/device/',
            '/__callrig/apns/log',
            '/3/device/%00',
            '/4/device/x',
            '/3/device/../log',
          ),
        },
      ),
      headers: fc.record(
        {
          authorization: fc.oneof(
            fc.constant(`bearer ${good}`),
            fc.constant(`bearer ${good.slice(0, -4)}AAAA`),
            str.map((s) => `bearer ${s}`),
            str,
          ),
          'apns-topic': fc.oneof(
            fc.constantFrom(BUNDLE, `${BUNDLE}.voip`, `${BUNDLE}.complication`, 'other.app'),
            str,
          ),
          'apns-push-type': fc.oneof(
            fc.constantFrom(
              'voip',
              'alert',
              'background',
              'location',
              'complication',
              'fileprovider',
              'mdm',
              'liveactivity',
            ),
            str,
          ),
          'apns-priority': fc.oneof(fc.constantFrom('10', '5', '1', '0', '11', '-1', 'x'), str),
          'apns-expiration': fc.oneof(
            fc.constantFrom('0', '1', '99999999999'),
            fc.integer().map(String),
            str,
          ),
          'apns-id': fc.oneof(fc.uuid(), str),
          'apns-collapse-id': fc.oneof(str, fc.constant('c'.repeat(65))),
        },
        { requiredKeys: [] },
      ),
      body: fc.option(
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }).map((j) => Buffer.from(JSON.stringify(j) ?? 'null')),
          fc
            .constantFrom(
              '{"aps":{}}',
              '{"aps":{"alert":"hi"}}',
              '{"aps":{"content-available":1}}',
              '{',
              '',
              'x'.repeat(6000),
            )
            .map((s) => Buffer.from(s)),
          fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
        ),
        { freq: 6 },
      ),
    });
    // @note Half the inputs are a valid VoIP push with at most one header or the body changed,
    // so the deeper rules (topic, push type, priority, payload) run, not only the auth check.
    const valid = (): H2Input => ({
      method: 'POST',
      path: `/3/device/${voip}`,
      headers: {
        authorization: `bearer ${good}`,
        'apns-topic': `${BUNDLE}.voip`,
        'apns-push-type': 'voip',
        'apns-priority': '10',
      },
      body: Buffer.from('{"aps":{},"callrig":"fuzz"}'),
    });
    const mutated: fc.Arbitrary<H2Input> = fc
      .tuple(
        random,
        fc.constantFrom('none', 'header', 'body', 'path', 'method'),
        fc.constantFrom(
          'authorization',
          'apns-topic',
          'apns-push-type',
          'apns-priority',
          'apns-expiration',
          'apns-id',
          'apns-collapse-id',
        ),
      )
      .map(([r, what, name]) => {
        const v = valid();
        if (what === 'header') {
          const value = r.headers[name];
          if (value === undefined) delete v.headers[name];
          else v.headers[name] = value;
        } else if (what === 'body') v.body = r.body;
        else if (what === 'path') v.path = r.path;
        else if (what === 'method') v.method = r.method;
        return v;
      });
    const arbitrary = fc.oneof(mutated, random);
    const counts: Record<string, number> = {};
    return {
      arbitrary,
      stats: () => counts,
      async run(input) {
        const inp = input as H2Input;
        const outcome = await new Promise<{ status: number | null; body: string; error?: string }>(
          (resolve) => {
            let req: http2.ClientHttp2Stream;
            try {
              req = connect().request(
                { ':method': inp.method, ':path': inp.path, ...inp.headers },
                { endStream: inp.body === null },
              );
            } catch (e) {
              // @note node's client refuses some header values before sending: not the server's doing.
              resolve({ status: 0, body: '', error: `client refused: ${(e as Error).message}` });
              return;
            }
            let status: number | null = null;
            let body = '';
            const timer = setTimeout(() => {
              req.close();
              resolve({ status, body, error: 'no answer within 10 s' });
            }, 10_000);
            req.on('response', (h) => {
              status = Number(h[':status']);
            });
            req.setEncoding('utf8');
            req.on('data', (c: string) => {
              body += c;
            });
            req.on('end', () => {
              clearTimeout(timer);
              resolve({ status, body });
            });
            req.on('error', (e: Error) => {
              clearTimeout(timer);
              resolve({ status, body, error: `stream error: ${e.message}` });
            });
            if (inp.body !== null) req.end(inp.body);
          },
        );
        const bucket =
          outcome.status === null
            ? 'none'
            : outcome.status === 0
              ? 'client-refused'
              : `${Math.floor(outcome.status / 100)}xx`;
        counts[bucket] = (counts[bucket] ?? 0) + 1;
        if (outcome.status === 0) return;
        const problems =
          outcome.error && outcome.status === null
            ? [outcome.error]
            : answerProblems(outcome.status, outcome.body);
        if (problems.length > 0)
          throw new FuzzFailure(problems.map((p) => `${inp.method} ${inp.path} → ${p}`));
      },
      async close() {
        const s = session as http2.ClientHttp2Session | null;
        if (s && !s.closed) await new Promise<void>((r) => s.close(() => r()));
        await apns.close();
      },
    };
  },
};
