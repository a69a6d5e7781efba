import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  colorEnabled,
  createPrettyReporter,
  mergeJunitXml,
  REPORTERS,
  type ReporterOptions,
  renderHtml,
  renderJson,
  renderJunit,
  renderTranscript,
  reporterFor,
  type ScenarioReporter,
  summarizeRun,
} from '../../../src/scenario/index.ts';
import type { RunSummary } from '../../../src/scenario/types.ts';
import {
  failingResult,
  passingResult,
  pressesKeyTimeline,
  sampleSummary,
} from './fixtures/sample-results.ts';

const ANSI_COLOR = new RegExp(`${String.fromCharCode(27)}\\[3\\dm`);

function capture(): { stream: { write(s: string): void; isTTY?: boolean }; text: () => string } {
  let out = '';
  return {
    stream: {
      write: (s: string) => {
        out += s;
      },
    },
    text: () => out,
  };
}

async function drive(reporter: ScenarioReporter, summary: RunSummary): Promise<void> {
  await reporter.onRunStart(summary.total, { record: { silentRecording: 'fall-through' } });
  for (const [i, r] of summary.results.entries()) {
    await reporter.onScenarioStart({ name: r.name, file: r.file, index: i + 1, total: summary.total });
    await reporter.onScenarioEnd(r);
  }
  await reporter.onRunEnd(summary);
}

async function pretty(options: Partial<ReporterOptions> = {}): Promise<string> {
  const out = capture();
  await drive(createPrettyReporter({ stdout: out.stream, ...options }), sampleSummary());
  return out.text();
}

describe('pretty reporter', () => {
  it('prints the failing expectation, the transcript and the summary, without ANSI when not a TTY', async () => {
    const text = await pretty();
    expect(text).not.toContain('\x1b');
    expect(text).not.toContain('\r');
    expect(text).toContain(' ✗ help-desk/presses-key 95 ms · simulated 00:21.600\n');
    expect(text).toContain(
      'expect.timeline[2]: expected event #3 {type: record.ended, reason: silence, duration: 12}',
    );
    expect(text).toContain('00:00.012 twilio → helpdesk   POST /voice\n');
    expect(text).toContain(
      '00:00.030 twilio              🔊 Say(woman) "You have reached our customer support. …"',
    );
    expect(text).toContain('00:13.530 caller              speaks 8 s\n');
    expect(text).toContain('00:21.530 caller              presses #\n');
    expect(text).toContain('00:21.560 helpdesk → twilio   ✗ 500 text/html\n');
    expect(text).toContain(
      'config: engine.maxDocumentsPerCall=1000, record.beepMs=500, record.silentRecording=fall-through',
    );
    expect(text).toContain(' ✓ push/voip-push-not-reported 40 ms · simulated 00:06.000\n');
    expect(text).not.toContain('pushkit.registered');
    expect(text).toContain(' ⏱ help-desk/slow-webhook [timeout] 10.0 s · simulated 00:15.000\n');
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'Scenarios 1 passed | 1 failed | 1 timed out (3) · simulated 43s in 10.1 s (4×)',
    );
  });

  it('shows passing transcripts and the configuration with verbose', async () => {
    const text = await pretty({ verbose: true });
    expect(text).toContain('callrig running 3 scenarios\n  record.silentRecording=fall-through\n');
    expect(text).toContain(
      'phone               ✗ app.killed Killing app because it never posted an incoming call',
    );
  });

  it('draws a progress line with \\r on a TTY, and colours unless NO_COLOR', async () => {
    const text = await pretty({ isTTY: true });
    expect(text).toContain('[1/3] running help-desk/presses-key …');
    expect(text).toContain('\r\x1b[2K');
    expect(text).toMatch(ANSI_COLOR);
    expect(await pretty({ isTTY: true, env: { NO_COLOR: '1' } })).not.toMatch(ANSI_COLOR);
    expect(colorEnabled(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorEnabled(true, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
  });
});

describe('json reporter', () => {
  it('round-trips all results with stable key order', async () => {
    const out = capture();
    const summary = sampleSummary();
    await drive(REPORTERS.json({ stdout: out.stream }), summary);
    const parsed = JSON.parse(out.text());
    expect(parsed).toEqual({ callrigReport: 1, summary });
    expect(renderJson(structuredClone(summary))).toBe(out.text());
    const keys = Object.keys(parsed.summary.results[0]);
    expect(keys).toEqual([...keys].sort());
  });
});

describe('junit reporter', () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (n) => ['testsuite', 'testcase'].includes(n),
  });

  it('writes well-formed JUnit XML with the right structure and counts', () => {
    const xml = renderJunit(sampleSummary());
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    const root = doc.testsuites;
    expect(root['@tests']).toBe('3');
    expect(root['@failures']).toBe('1');
    expect(root['@errors']).toBe('1');
    expect(root.testsuite.map((s: Record<string, string>) => s['@name'])).toEqual(['help-desk', 'push']);
    const helpDesk = root.testsuite[0];
    expect(helpDesk['@tests']).toBe('2');
    const [failed, timedOut] = helpDesk.testcase;
    expect(failed['@name']).toBe('presses-key');
    expect(failed['@classname']).toBe('help-desk');
    expect(failed['@time']).toBe('0.095');
    expect(failed.failure['@message']).toMatch(/^expected event #3/);
    expect(failed.failure['#text']).toContain('expect.errors: unexpected error 11200');
    expect(failed['system-out']).toContain('presses # <to finish> & the help desk');
    expect(failed['system-out']).toContain('twilio → helpdesk   POST /recording-callback');
    expect(timedOut.error['@type']).toBe('CALLRIG_SCENARIO_TIMEOUT');
    expect(root.testsuite[1].testcase[0].failure).toBeUndefined();
  });

  it('escapes markup and strips characters XML cannot carry', () => {
    const r = failingResult();
    r.name = 'a "quoted" <name> & \x1b[31mred\x1b[39m\x07';
    r.failures = [{ message: ']]> </failure> \x00 done' }];
    const xml = renderJunit(summarizeRun([r], 10));
    expect(XMLValidator.validate(xml)).toBe(true);
    const tc = parser.parse(xml).testsuites.testsuite[0].testcase[0];
    expect(tc['@name']).toBe('a "quoted" <name> & red');
    expect(tc.failure['#text']).toBe(']]> </failure>  done');
  });

  it('merges shards and recomputes the totals', () => {
    const a = renderJunit(summarizeRun([failingResult()], 100));
    const b = renderJunit(summarizeRun([passingResult()], 50));
    const merged = mergeJunitXml([a, b]);
    expect(XMLValidator.validate(merged)).toBe(true);
    const root = parser.parse(merged).testsuites;
    expect([root['@tests'], root['@failures'], root['@errors']]).toEqual(['2', '1', '0']);
    expect(root.testsuite.map((s: Record<string, string>) => s['@name'])).toEqual(['help-desk', 'push']);
    expect(() => mergeJunitXml(['<testsuites>'], ['shard-2.xml'])).toThrow(/^shard-2\.xml: not valid XML/);
  });
});

describe('html reporter and registry', () => {
  it('renders a self-contained page with a diagram, transcript and audio', () => {
    const html = renderHtml(sampleSummary());
    expect(html).not.toMatch(/<script|<link|src="http(?!s:\/\/api\.twilio\.com)/);
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="sequence"');
    expect(html).toContain('<audio controls preload="none" src="https://api.twilio.com/2010-04-01/Accounts/');
    expect(html).toContain('presses # &lt;to finish&gt; &amp; the help desk');
  });

  it('maps names to factories', () => {
    expect(Object.keys(REPORTERS)).toEqual(['pretty', 'json', 'junit', 'html']);
    expect(reporterFor('junit')).toBe(REPORTERS.junit);
    expect(reporterFor('toString')).toBeUndefined();
  });

  it('renders a transcript line per event', () => {
    expect(renderTranscript(pressesKeyTimeline())).toHaveLength(pressesKeyTimeline().length);
  });
});
