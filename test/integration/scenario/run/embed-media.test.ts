import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../../src/scenario/reporters/html.ts';
import { runScenario, runScenarios } from '../../../../src/scenario/run/index.ts';
import type { RunSummary, ScenarioResult } from '../../../../src/scenario/types.ts';

// MPEG-1 Layer III, 32 kb/s, 32 kHz: 144-byte frames of 36 ms (src/twilio/recordings/mp3.ts).
const FRAME_BYTES = 144;
const FRAME_SEC = 0.036;

describe('embedMedia: recordings travel inside the result', () => {
  it('attaches the MP3 the fake served, of the recorded length, and the HTML report plays it', async () => {
    const result = await runScenario('scenarios/help-desk/message-left.yaml', { embedMedia: true });
    expect(result.status).toBe('passed');
    const [rec] = result.recordings;
    const uri = String(rec?.mediaDataUri);
    expect(uri.startsWith('data:audio/mpeg;base64,')).toBe(true);
    const bytes = Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64');
    expect(bytes[0]).toBe(0xff);
    expect(Math.abs((bytes.length / FRAME_BYTES) * FRAME_SEC - 12)).toBeLessThan(FRAME_SEC);
    const html = renderHtml(summaryOf(result));
    expect(html).toContain(`<audio controls preload="none" src="${uri}"`);
  });

  it('runScenarios passes the switch to every scenario (what `--reporter html` sets)', async () => {
    const summary = await runScenarios({
      paths: ['scenarios/help-desk/message-left.yaml'],
      embedMedia: true,
      reporters: [],
    });
    expect(summary.results[0]?.recordings[0]?.mediaDataUri).toMatch(/^data:audio\/mpeg;base64,/);
  });

  it('leaves only the media URL when not asked', async () => {
    const result = await runScenario('scenarios/help-desk/message-left.yaml');
    expect(result.recordings[0]?.mediaDataUri).toBeUndefined();
    expect(result.recordings[0]?.mediaUrl).toMatch(/\/Recordings\/RE[0-9a-f]{32}$/);
  });
});

function summaryOf(result: ScenarioResult): RunSummary {
  return {
    total: 1,
    passed: 1,
    failed: 0,
    errored: 0,
    timedOut: 0,
    durationMs: result.durationMs,
    simulatedMs: result.simulatedMs,
    results: [result],
  };
}
