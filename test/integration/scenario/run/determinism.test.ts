import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSnapshot, serializeSnapshot } from '../../../../src/scenario/index.ts';
import { runScenario } from '../../../../src/scenario/run/index.ts';
import type { ScenarioResult } from '../../../../src/scenario/types.ts';

const normalised = (r: ScenarioResult) =>
  serializeSnapshot(buildSnapshot({ name: r.name, timeline: r.timeline, requests: r.requests }));

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('determinism and golden timelines', () => {
  it.each(['scenarios/help-desk/staff-call-back.yaml', 'scenarios/push/voip-push-wakes-terminated-app.yaml'])(
    '%s twice with the same seed gives byte-identical normalised timelines',
    async (file) => {
      const a = await runScenario(file);
      const b = await runScenario(file);
      expect(a.status).toBe('passed');
      expect(b.status).toBe('passed');
      expect(normalised(a)).toBe(normalised(b));
      expect(a.timeline.map((e) => e.type)).toEqual(b.timeline.map((e) => e.type));
    },
  );

  it('--update writes the snapshot beside the scenario; a changed behaviour then fails with a readable diff', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'callrig-snap-'));
    dirs.push(dir);
    const file = join(dir, 'message-left.yaml');
    await copyFile('scenarios/help-desk/message-left.yaml', file);
    const written = await runScenario(file, { update: true });
    expect(written.snapshot).toEqual({ status: 'written', file: join(dir, 'message-left.snap.yaml') });
    const text = await readFile(join(dir, 'message-left.snap.yaml'), 'utf8');
    expect(text).toContain('scenario: message-left');
    expect(text).toContain('<CallSid#1>');
    expect(text).not.toMatch(/CA[0-9a-f]{32}/);

    const again = await runScenario(file);
    expect(again.status).toBe('passed');
    expect(again.snapshot?.status).toBe('matched');

    await writeFile(join(dir, 'message-left.snap.yaml'), text.replace('duration: 12', 'duration: 11'));
    const changed = await runScenario(file);
    expect(changed.status).toBe('failed');
    expect(changed.snapshot?.status).toBe('mismatch');
    expect(changed.snapshot?.diff).toMatch(/^- +duration: 11$/m);
    expect(changed.snapshot?.diff).toMatch(/^\+ +duration: 12$/m);
    expect(changed.failures.map((f) => f.message).join('\n')).toContain('differs from the golden snapshot');
  });
});
