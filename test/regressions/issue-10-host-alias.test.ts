import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultServer, faults, startFaultServer } from '../helpers/fault-server.ts';
import { type FaultRig, spoken, startFaultRig } from '../integration/faults/fault-rig.ts';

/**
 * Issue 10: a loopback alias nobody configured (127.0.0.2) is "another host". The fake's
 * default policy allowed all of 127.0.0.0/8, so a `<Redirect>` written by whoever controls a
 * webhook answer reached any service bound to an alias address on the developer's machine.
 */
let rig: FaultRig;
let alias: FaultServer;
beforeAll(async () => {
  rig = await startFaultRig();
  alias = await startFaultServer('127.0.0.2');
  alias.route('/', faults.twiml('<Response><Say>leaked</Say></Response>'));
});
afterAll(async () => {
  await rig.close();
  await alias.close();
});

describe('a loopback alias that no App names is refused', () => {
  it('<Redirect> to http://127.0.0.2:port/ → CALLRIG_HOST_NOT_ALLOWED, no connection', async () => {
    rig.server.route('/alias', faults.twiml(`<Response><Redirect>${alias.origin}/</Redirect></Response>`));
    const call = await rig.call(`${rig.server.origin}/alias`);
    expect(alias.connections()).toBe(0);
    expect(call.debug.find((e) => e.errorCode === 'CALLRIG_HOST_NOT_ALLOWED')).toMatchObject({ attempts: 0 });
    expect(spoken(call.timeline)).not.toContain('leaked');
  });

  it('is reachable once listed in webhooks.allowedHosts', async () => {
    const wide = await startFaultRig({ webhooks: { allowedHosts: ['127.0.0.2'] } });
    try {
      wide.server.route('/alias', faults.twiml(`<Response><Redirect>${alias.origin}/</Redirect></Response>`));
      const before = alias.connections();
      const call = await wide.call(`${wide.server.origin}/alias`);
      expect(alias.connections()).toBe(before + 1);
      expect(spoken(call.timeline)).toEqual(['leaked']);
    } finally {
      await wide.close();
    }
  });
});
