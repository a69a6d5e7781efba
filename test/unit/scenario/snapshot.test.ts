import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSnapshot,
  diffLines,
  diffSnapshots,
  normaliseTimeline,
  readSnapshot,
  serializeSnapshot,
  snapshotPathFor,
  writeSnapshot,
} from '../../../src/scenario/index.ts';
import { ACCOUNT, CALL, CALL_2, pressesKeyTimeline, REC, T0 } from './fixtures/sample-results.ts';

describe('normaliseTimeline', () => {
  it('replaces SIDs per prefix in order of appearance, ports, JWTs, UUIDs and absolute times', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const out = normaliseTimeline([
      { type: 'call.started', at: T0 + 5, t: 0, callSid: CALL, accountSid: ACCOUNT },
      {
        type: 'webhook.requested',
        at: T0 + 17,
        url: 'http://127.0.0.1:41234/voice?x=1',
        params: [
          ['CallSid', CALL],
          ['Token', jwt],
        ],
      },
      {
        type: 'call.started',
        at: T0 + 1005,
        callSid: CALL_2,
        startedAt: T0 + 1005,
        signature: 'abc=',
        id: '2C7E5B7A-9d1e-4c3f-8a2b-0f1e2d3c4b5a',
      },
      {
        type: 'record.ended',
        at: T0 + 2005,
        recordingSid: REC,
        callSid: CALL_2,
        elapsedMs: 13,
        other: '2c7e5b7a-9d1e-4c3f-8a2b-0f1e2d3c4b5a',
        host: 'localhost:5000',
      },
    ]);
    expect(out).toEqual([
      { t: '00:00.000', type: 'call.started', accountSid: '<AccountSid#1>', callSid: '<CallSid#1>' },
      {
        t: '00:00.012',
        type: 'webhook.requested',
        params: [
          ['CallSid', '<CallSid#1>'],
          ['Token', '<jwt>'],
        ],
        url: 'http://127.0.0.1:<port>/voice?x=1',
      },
      {
        t: '00:01.000',
        type: 'call.started',
        callSid: '<CallSid#2>',
        id: '<uuid#1>',
        signature: '<signature>',
        startedAt: 1000,
      },
      {
        t: '00:02.000',
        type: 'record.ended',
        callSid: '<CallSid#2>',
        host: 'localhost:<port>',
        other: '<uuid#1>',
        recordingSid: '<RecordingSid#1>',
      },
    ]);
  });

  it('gives the same text for two runs that differ only in ids, ports and start time', () => {
    const shift = (ms: number, port: string, sid: string) =>
      pressesKeyTimeline().map((e) =>
        JSON.parse(
          JSON.stringify({ ...e, at: e.at + ms })
            .replaceAll('41234', port)
            .replaceAll(CALL, sid),
        ),
      );
    const a = serializeSnapshot(buildSnapshot({ name: 'x', timeline: shift(0, '41234', CALL) }));
    const b = serializeSnapshot(buildSnapshot({ name: 'x', timeline: shift(99_000, '50001', CALL_2) }));
    expect(a).toBe(b);
    expect(a).toContain('t: 00:21.530');
    expect(a).not.toMatch(/CA[0-9a-f]{32}|41234|elapsedMs/);
  });
});

describe('snapshot files', () => {
  it('puts the snapshot beside the scenario', () => {
    expect(snapshotPathFor('scenarios/help-desk/x.yaml')).toBe('scenarios/help-desk/x.snap.yaml');
    expect(snapshotPathFor('scenarios/x.yml', 'json')).toBe('scenarios/x.snap.json');
  });

  it('writes and reads back YAML and JSON snapshots; a missing one reads as undefined', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'callrig-snap-'));
    const snap = buildSnapshot({
      name: 'presses-key',
      timeline: pressesKeyTimeline(),
      requests: [{ method: 'POST', path: '/voice', url: 'http://127.0.0.1:4000/voice', at: T0 + 12 }],
    });
    for (const file of [join(dir, 'nested', 'a.snap.yaml'), join(dir, 'a.snap.json')]) {
      await writeSnapshot(file, snap);
      expect(await readSnapshot(file)).toEqual(snap);
    }
    const text = await readFile(join(dir, 'nested', 'a.snap.yaml'), 'utf8');
    expect(text.startsWith('# callrig snapshot')).toBe(true);
    expect(text).toContain('url: http://127.0.0.1:<port>/voice');
    expect(await readSnapshot(join(dir, 'missing.snap.yaml'))).toBeUndefined();
  });
});

describe('diffSnapshots', () => {
  it('is empty for equal snapshots', () => {
    const s = buildSnapshot({ name: 'x', timeline: pressesKeyTimeline() });
    expect(diffSnapshots(s, structuredClone(s))).toBe('');
  });

  it('prints a unified diff with context, - expected / + received', () => {
    const expected = buildSnapshot({ name: 'x', timeline: pressesKeyTimeline() });
    const received = structuredClone(expected);
    const ended = received.timeline.find((e) => e.type === 'record.ended')!;
    ended.reason = 'silence';
    const diff = diffSnapshots(expected, received, { context: 1 });
    expect(diff.split('\n')).toEqual([
      '- expected',
      '+ received',
      '',
      expect.stringMatching(/^@@ -\d+,3 \+\d+,3 @@$/),
      '      rawMs: 8000',
      '-     reason: key',
      '+     reason: silence',
      '      recordingSid: <RecordingSid#1>',
    ]);
    expect(diffSnapshots(expected, received, { color: true })).toContain('\x1b[');
  });

  it('line diff reconstructs both sides with a minimal edit script (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd')),
        fc.array(fc.constantFrom('a', 'b', 'c', 'd')),
        (a, b) => {
          const d = diffLines(a, b);
          expect(d.filter((l) => l.op !== '+').map((l) => l.text)).toEqual(a);
          expect(d.filter((l) => l.op !== '-').map((l) => l.text)).toEqual(b);
          expect(d.filter((l) => l.op === '=').length).toBe(lcsLength(a, b));
        },
      ),
    );
  });
});

function lcsLength(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let prev = 0;
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j]!;
      row[j] = x === b[j - 1] ? prev + 1 : Math.max(row[j]!, row[j - 1]!);
      prev = keep;
    }
  }
  return row[b.length]!;
}
