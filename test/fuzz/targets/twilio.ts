import twilio from 'twilio';
import { createVirtualClock } from '../../../src/core/index.ts';
import { createTwilioFake } from '../../../src/twilio/index.ts';
import { faults, startFaultServer } from '../../helpers/fault-server.ts';
import type { FuzzTarget } from '../types.ts';
import { httpTarget } from './http-target.ts';

const AC = 'AC0000000000000000000000000000f022';
const AUTH = 'f022f022f022f022f022f022f022f022';
const SK = 'SK0000000000000000000000000000f022';
const SECRET = 'fuzz-key-secret';
const AP = 'AP0000000000000000000000000000f022';
const basic = (u: string, p: string): [string, string] => [
  'Authorization',
  `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`,
];

/**
 * The fake Twilio over HTTP: REST API (Calls, Recordings, media), the connect door, the
 * debugger and the admin API. Seeded with a real call that recorded, so SIDs in paths exist.
 */
export const twilioTarget: FuzzTarget = httpTarget('twilio-fake', 5, async () => {
  const server = await startFaultServer();
  server.route(
    '/voice',
    faults.twiml('<Response><Say>hi</Say><Record timeout="2" action="/done"/></Response>'),
  );
  server.route('/done', faults.twiml('<Response><Hangup/></Response>'));
  const fake = await createTwilioFake({
    clock: createVirtualClock(Date.now()),
    config: {
      accounts: [{ sid: AC, authToken: AUTH, apiKeys: [{ sid: SK, secret: SECRET }] }],
      apps: [
        {
          sid: AP,
          accountSid: AC,
          voiceUrl: `${server.origin}/voice`,
          statusCallback: `${server.origin}/done`,
        },
      ],
      callees: { '+15005550006': { outcome: 'answer', afterSec: 1, hangupAfterSec: 5 } },
    },
    webhooks: { timeScale: 0.05 },
    tokens: { clockSkewSeconds: 10 * 365 * 86_400 },
  });
  const origin = await fake.listen();
  const grant = (): string => {
    const t = new twilio.jwt.AccessToken(AC, SK, SECRET, { identity: 'fuzz', ttl: 86_000 });
    t.addGrant(new twilio.jwt.AccessToken.VoiceGrant({ outgoingApplicationSid: AP }));
    return t.toJwt();
  };
  const token = grant();
  const seeded = await fake.connect({ token, caller: [{ waitFor: 'beep' }, { speak: 3 }] });
  const callSids = seeded.ok ? [seeded.body.callSid] : [];
  const recSids = fake.recordings.list().map((r) => r.sid);
  const api = `/2010-04-01/Accounts/{AC}`;
  return {
    origin,
    shape: {
      paths: [
        `${api}/Calls.json`,
        `POST ${api}/Calls.json`,
        `${api}/Calls/{CA}.json`,
        `POST ${api}/Calls/{CA}.json`,
        `DELETE ${api}/Recordings/{RE}.json`,
        `${api}/Calls/{CA}`,
        `${api}/Calls/{CA}/Recordings.json`,
        `${api}/Recordings.json`,
        `${api}/Recordings/{RE}.json`,
        `${api}/Recordings/{RE}.wav`,
        `${api}/Recordings/{RE}.mp3`,
        `${api}/Recordings/{RE}`,
        'POST /callrig/v1/connect',
        '/callrig/v1/calls/{CA}/debugger',
        '/callrig/v1/admin/accounts',
        '/callrig/v1/admin/apps',
        '/callrig/v1/admin/callees',
        'PUT /callrig/v1/admin/callees/{to}',
        '/2010-04-01/{x}',
        '/{x}',
      ],
      values: { AC: [AC], CA: callSids, RE: recSids, to: ['+15005550006', 'client:bob'] },
      authHeaders: [[basic(AC, AUTH)], [basic(SK, SECRET)], [basic(AC, 'wrong')]],
      fields: [
        'Url',
        'To',
        'From',
        'Method',
        'Twiml',
        'ApplicationSid',
        'StatusCallback',
        'StatusCallbackEvent',
        'Timeout',
        'Record',
        'SendDigits',
        'Status',
        'FallbackUrl',
        'token',
        'params',
        'caller',
        'sid',
        'authToken',
        'voiceUrl',
        'accountSid',
        'outcome',
        'afterSec',
        'apiKeys',
      ],
      formSamples: [
        { To: '+15005550006', From: '+15005550001', Url: `${server.origin}/voice` },
        {
          To: 'client:bob',
          From: '+15005550001',
          ApplicationSid: AP,
          StatusCallback: `${server.origin}/done`,
          StatusCallbackEvent: 'initiated',
        },
        {
          To: '+15005550006',
          From: '+15005550001',
          Twiml: '<Response><Say>x</Say></Response>',
          Record: 'true',
          Timeout: '5',
        },
        { Status: 'completed' },
        { Status: 'canceled' },
        { Url: `${server.origin}/voice`, Method: 'GET' },
        { Twiml: '<Response><Hangup/></Response>' },
      ] as Array<Record<string, string>>,
      samples: [
        { token, params: { team: 'x' }, caller: [{ waitFor: 'beep' }, { speak: 2 }] },
        { token, caller: { steps: [{ press: '1' }] } },
        { sid: 'AC0000000000000000000000000000f0aa', authToken: 'x'.repeat(32) },
        { accountSid: AC, voiceUrl: `${server.origin}/voice` },
        { outcome: 'answer', afterSec: 1 },
      ],
    },
    async close() {
      await fake.close();
      await server.close();
    },
  };
});
