import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, type FaultHandler, faults } from '../../helpers/fault-server.ts';
import { APOLOGY, codes, ended, type FaultRig, HEALTHY_DOC, spoken, startFaultRig } from './fault-rig.ts';

let rig: FaultRig;
beforeAll(async () => {
  rig = await startFaultRig();
});
afterAll(async () => {
  await rig.close();
});
afterEach(async () => {
  // Every fault leaves the fake usable and no socket dangling on the user's server.
  const next = await rig.healthy();
  expect(codes(next.timeline)).toEqual([]);
  expect(spoken(next.timeline)).toEqual(['All good.']);
  expect(ended(next.timeline)).toMatchObject([{ status: 'completed', reason: 'hangup-verb' }]);
  await rig.server.drained();
});

let n = 0;
/** Mounts `handler` on a fresh path and calls an App whose voice URL is that path. */
async function callFault(handler: FaultHandler, opts: { fallback?: FaultHandler; suffix?: string } = {}) {
  n++;
  rig.server.route(`/f${n}`, handler);
  if (opts.fallback) rig.server.route(`/f${n}-fallback`, opts.fallback);
  const url = `${rig.server.origin}/f${n}${opts.suffix ?? ''}`;
  const call = await rig.call(
    url,
    opts.fallback ? { fallbackUrl: `${rig.server.origin}/f${n}-fallback` } : {},
  );
  return { ...call, url, path: `/f${n}`, hits: () => rig.server.hits.filter((h) => h.path === `/f${n}`) };
}

/** The §5.4 ladder without a fallback: code logged, apology spoken, call completed. */
function expectApology(timeline: Parameters<typeof codes>[0], code: number) {
  expect(codes(timeline)).toContain(code);
  expect(spoken(timeline)).toEqual([APOLOGY]);
  expect(ended(timeline)).toMatchObject([{ status: 'completed', reason: 'application-error' }]);
}

describe('faults of the user server on the first Voice URL fetch (twilio-voice.md §5.2, §2.1)', () => {
  it('connection refused (closed port) → 11205 after 2 attempts (rc=1, rp=ct)', async () => {
    const port = await closedPort();
    const call = await rig.call(`http://127.0.0.1:${port}/voice`);
    expectApology(call.timeline, 11205);
    expect(call.debug[0]).toMatchObject({ errorCode: 11205, attempts: 2, status: null });
  });

  it('reset before any response byte → 11205, retried once like a refused connection', async () => {
    const c = await callFault(faults.resetBeforeResponse());
    expectApology(c.timeline, 11205);
    expect(c.hits()).toHaveLength(2);
    expect(c.debug[0]).toMatchObject({ errorCode: 11205, attempts: 2 });
  });

  it('reset mid-body → 11200 (incomplete response), never retried', async () => {
    const c = await callFault(faults.resetMidBody());
    expectApology(c.timeline, 11200);
    expect(c.hits()).toHaveLength(1);
  });

  it('stall before headers past the timeout → 11200, not retried under the default rp=ct', async () => {
    const c = await callFault(faults.stall());
    expectApology(c.timeline, 11200);
    expect(c.hits()).toHaveLength(1);
    expect(c.debug[0]).toMatchObject({ errorCode: 11200, status: null });
  });

  it('stall before headers with #rt=5000&rp=rt&rc=1 → two attempts inside the 15 s cap, then 11200', async () => {
    const c = await callFault(faults.stall(), { suffix: '#rt=5000&rp=rt&rc=1' });
    expectApology(c.timeline, 11200);
    expect(c.hits()).toHaveLength(2);
  });

  it('stall after headers, mid-body → 11200', async () => {
    const c = await callFault(faults.stallMidBody());
    expectApology(c.timeline, 11200);
  });

  it('a trickled body that finishes inside the timers is executed', async () => {
    const c = await callFault(faults.trickle(HEALTHY_DOC, 4, 5));
    expect(codes(c.timeline)).toEqual([]);
    expect(spoken(c.timeline)).toEqual(['All good.']);
  });

  it('a body trickled past the 15 s cap → 11200', async () => {
    const c = await callFault(
      faults.trickle(`<Response>${'<Pause length="1"/>'.repeat(80)}</Response>`, 80, 25),
    );
    expectApology(c.timeline, 11200);
  });

  it.each([
    [404, 'text/html'],
    [500, 'text/html'],
    [503, 'text/xml'],
  ])('HTTP %i (%s, whatever the body) → 11200', async (status, type) => {
    const c = await callFault(faults.status(status, '<Response><Say>ignored</Say></Response>', type));
    expectApology(c.timeline, 11200);
    // @note the debugger logs the exchange (status); the engine's classification names the code.
    expect(c.debug[0]).toMatchObject({ status });
  });

  it.each([301, 302, 303, 307, 308])(
    'HTTP %i to a healthy document is followed (as GET) and executed',
    async (status) => {
      const c = await callFault(faults.redirect(status, '/healthy'));
      expect(codes(c.timeline)).toEqual([]);
      expect(spoken(c.timeline)).toEqual(['All good.']);
      const followed = rig.server.hits.at(-1);
      expect(followed).toMatchObject({ method: 'GET', path: '/healthy' });
    },
  );

  it('exactly 10 redirects are followed; the 11th gives 11215', async () => {
    n++;
    const base = `/chain${n}-`;
    for (let i = 0; i < 9; i++) rig.server.route(`${base}${i}`, faults.redirect(302, `${base}${i + 1}`));
    rig.server.route(`${base}9`, faults.redirect(302, '/healthy'));
    const ten = await rig.call(`${rig.server.origin}${base}0`);
    expect(codes(ten.timeline)).toEqual([]);
    expect(spoken(ten.timeline)).toEqual(['All good.']);
    rig.server.route(`${base}9`, faults.redirect(302, `${base}10`));
    rig.server.route(`${base}10`, faults.redirect(302, '/healthy'));
    const eleven = await rig.call(`${rig.server.origin}${base}0`);
    expectApology(eleven.timeline, 11215);
  });

  it('a redirect loop → 11215 after 11 requests', async () => {
    n++;
    rig.server.route(`/loop${n}`, faults.redirect(301, `/loop${n}`));
    const c = await rig.call(`${rig.server.origin}/loop${n}`);
    expectApology(c.timeline, 11215);
    expect(rig.server.hits.filter((h) => h.path === `/loop${n}`)).toHaveLength(11);
  });

  it.each([false, true])('a body over 64 kB (chunked: %s) → 11750', async (chunked) => {
    const c = await callFault(faults.huge(70_000, chunked));
    expectApology(c.timeline, 11750);
  });

  it('a body of exactly 64 kB is accepted', async () => {
    const pad = 65_536 - HEALTHY_DOC.length - '<!---->'.length;
    const doc = HEALTHY_DOC.replace('<Response>', `<Response><!--${'x'.repeat(pad)}-->`);
    expect(Buffer.byteLength(doc)).toBe(65_536);
    const c = await callFault(faults.twiml(doc));
    expect(codes(c.timeline)).toEqual([]);
  });

  it('Content-Type application/json → 12300', async () => {
    const c = await callFault(faults.contentType('application/json', '{"say":"hello"}'));
    expectApology(c.timeline, 12300);
  });

  it('no Content-Type header → 11200', async () => {
    const c = await callFault(faults.contentType(null));
    expectApology(c.timeline, 11200);
  });

  it('Content-Encoding: gzip with garbage bytes → a fatal fetch/parse error (callrig: 12100), apology', async () => {
    // @note Twilio sends no Accept-Encoding and does not document what it does with an
    // unrequested encoding; callrig does not decode it, so the bytes fail as XML (12100).
    const c = await callFault(faults.badGzip());
    expectApology(c.timeline, 12100);
  });

  it('Content-Encoding: gzip with a real gzip of valid TwiML → 12100 too (not decoded)', async () => {
    // @note Twilio sends no Accept-Encoding, so an encoded answer is the server's error; callrig
    // treats the body as the bytes it got, as for the garbage case above.
    const c = await callFault(faults.gzip(HEALTHY_DOC));
    expectApology(c.timeline, 12100);
  });

  it('an empty chunked body → 11770', async () => {
    const c = await callFault((x) =>
      x.respond({ status: 200, headers: { 'Content-Type': 'text/xml' }, chunked: true }),
    );
    expectApology(c.timeline, 11770);
  });
});

describe('the failure ladder with a fallback URL (§5.4, §4.10)', () => {
  it('the fallback gets ErrorCode and ErrorUrl, and its TwiML continues the call', async () => {
    const c = await callFault(faults.status(500), {
      fallback: faults.twiml('<Response><Say>Fallback speaking.</Say></Response>'),
    });
    expect(codes(c.timeline)).toContain(11200);
    expect(spoken(c.timeline)).toEqual(['Fallback speaking.']);
    const fb = rig.server.hits.filter((h) => h.path === `${c.path}-fallback`);
    expect(fb).toHaveLength(1);
    const params = new URLSearchParams(fb[0]?.body);
    expect(params.get('ErrorCode')).toBe('11200');
    expect(params.get('ErrorUrl')).toBe(c.url);
    expect(ended(c.timeline)).toMatchObject([{ status: 'completed' }]);
  });

  it('a failing fallback ends in the apology, with both codes in the timeline', async () => {
    const c = await callFault(faults.stall(), { fallback: faults.contentType('application/json', '{}') });
    expect(codes(c.timeline)).toEqual(expect.arrayContaining([11200, 12300]));
    expect(spoken(c.timeline)).toEqual([APOLOGY]);
    expect(ended(c.timeline)).toMatchObject([{ status: 'completed', reason: 'application-error' }]);
  });

  it('a refused fallback → 11205 after the first failure, then the apology', async () => {
    const port = await closedPort();
    n++;
    rig.server.route(`/g${n}`, faults.huge(70_000));
    const c = await rig.call(`${rig.server.origin}/g${n}`, {
      fallbackUrl: `http://127.0.0.1:${port}/fallback`,
    });
    expect(codes(c.timeline)).toEqual(expect.arrayContaining([11750, 11205]));
    expect(spoken(c.timeline)).toEqual([APOLOGY]);
  });
});

describe('faults on a Record action (the help desk flow)', () => {
  it('an action answered 500 → 11200 and the apology, after the recording was taken', async () => {
    n++;
    rig.server.route(
      `/rec${n}`,
      faults.twiml(`<Response><Record action="/rec${n}-cb" timeout="3"/><Say>unreached</Say></Response>`),
    );
    rig.server.route(`/rec${n}-cb`, faults.status(500));
    const c = await rig.call(`${rig.server.origin}/rec${n}`, { caller: [{ waitFor: 'beep' }, { speak: 5 }] });
    expect(c.timeline.some((e) => e.type === 'record.ended' && e.actionRequested)).toBe(true);
    expectApology(c.timeline, 11200);
  });

  it('the action after a hang-up failing (refused) is reported, not executed, and does not use the ladder', async () => {
    const port = await closedPort();
    n++;
    rig.server.route(
      `/rech${n}`,
      faults.twiml(`<Response><Record action="http://127.0.0.1:${port}/cb"/></Response>`),
    );
    const c = await rig.call(`${rig.server.origin}/rech${n}`, {
      caller: [{ waitFor: 'beep' }, { speak: 4 }, { hangup: true }],
    });
    const failed = c.timeline.find((e) => e.type === 'webhook.responded' && e.kind === 'hangup-action');
    expect(failed).toMatchObject({ status: null, code: 11205 });
    expect(spoken(c.timeline)).not.toContain(APOLOGY);
    expect(ended(c.timeline)).toMatchObject([{ status: 'completed', hungUpBy: 'caller' }]);
  });
});

describe('faults of the status callback (§5.3): logged, never change the call', () => {
  it.each<[string, FaultHandler, number | string]>([
    ['HTTP 500', faults.status(500), 15003],
    ['HTTP 404', faults.status(404), 15003],
    ['a reset', faults.resetBeforeResponse(), 11205],
    ['a stall', faults.stall(), 11200],
  ])(
    '%s from the status callback → %s in the timeline, call still completed',
    async (_name, handler, code) => {
      n++;
      rig.server.route(`/st${n}`, handler);
      const c = await rig.call(`${rig.server.origin}/healthy`, {
        statusCallback: `${rig.server.origin}/st${n}`,
      });
      expect(spoken(c.timeline)).toEqual(['All good.']);
      expect(ended(c.timeline)).toMatchObject([{ status: 'completed', reason: 'hangup-verb' }]);
      const cb = c.timeline.find((e) => e.type === 'callback.sent' && e.kind === 'status-callback');
      expect(cb).toBeDefined();
      expect(
        c.timeline.some((e) => e.type === 'error' && e.code === code && e.severity === 'warning') ||
          (cb?.type === 'callback.sent' && cb.code === code),
      ).toBe(true);
      expect(c.status).toBe('completed');
    },
  );
});

describe('protocol-level nonsense from the user server (§5.2: 11206 / 11200 / 11205 / 11750)', () => {
  const raw =
    (bytes: string, then: 'end' | 'reset' | 'stay' = 'end'): FaultHandler =>
    (x) => {
      x.write(bytes);
      if (then === 'end') x.end();
      else if (then === 'reset') setTimeout(() => x.reset(), 10);
    };
  it.each<[string, FaultHandler, Array<number | string>]>([
    ['a non-HTTP banner', raw('SSH-2.0-OpenSSH_9.6\r\n'), [11206]],
    [
      'a status line with status 999',
      raw('HTTP/1.1 999 Odd\r\nContent-Type: text/xml\r\nContent-Length: 11\r\n\r\n<Response/>'),
      [11200],
    ],
    [
      'a 100 kB header',
      raw(
        `HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nX-Big: ${'a'.repeat(100_000)}\r\nContent-Length: 11\r\n\r\n<Response/>`,
      ),
      [11206],
    ],
    [
      'malformed chunked encoding',
      raw(
        'HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n<Response/>\r\n0\r\n\r\n',
      ),
      [11206],
    ],
    [
      'Content-Length larger than the body, then FIN',
      raw('HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 500\r\n\r\n<Response/>'),
      [11200],
    ],
    ['FIN right after the request, no bytes', (x) => x.end(), [11205]],
    [
      'an endless body',
      (x) => {
        x.write('HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n');
        const chunk = `${(8192).toString(16)}\r\n${'<!-- -->'.repeat(1024)}\r\n`;
        const pump = (): void => {
          for (let i = 0; i < 16; i++) x.write(chunk);
          if (rig.server.openSockets() > 0) setTimeout(pump, 1);
        };
        pump();
      },
      [11750],
    ],
  ])('%s → a fatal fetch code (%j), apology, fake still healthy', async (_name, handler, allowed) => {
    const c = await callFault(handler);
    const first = codes(c.timeline)[0];
    expect(allowed).toContain(first);
    expect(spoken(c.timeline)).toEqual([APOLOGY]);
    expect(ended(c.timeline)).toMatchObject([{ status: 'completed', reason: 'application-error' }]);
  });

  it('an interim 100 Continue before the real answer is skipped', async () => {
    const c = await callFault(
      raw(
        `HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: ${HEALTHY_DOC.length}\r\n\r\n${HEALTHY_DOC}`,
      ),
    );
    expect(codes(c.timeline)).toEqual([]);
    expect(spoken(c.timeline)).toEqual(['All good.']);
  });
});
