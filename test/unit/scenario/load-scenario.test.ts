import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  defineScenario,
  formatDiagnostic,
  loadScenarioFile,
  loadScenarios,
  loadScenarioText,
  ScenarioDefinitionError,
  scenarioSchema,
} from '../../../src/scenario/index.ts';

const fixture = join(import.meta.dirname, 'fixtures', 'help-desk-valid.yaml');
const lines = (text: string, file = 'scenarios/x.yaml'): string[] =>
  loadScenarioText(text, file).diagnostics.map(formatDiagnostic);

describe('loadScenarioFile', () => {
  it('loads a complete scenario with every section', async () => {
    const { scenario, diagnostics } = await loadScenarioFile(fixture);
    expect(diagnostics).toEqual([]);
    expect(scenario?.name).toBe('speaks-then-silent');
    expect(scenario?.steps.map((s) => Object.keys(s)[0])).toEqual([
      'registerVoip',
      'catapushMessage',
      'fetchToken',
      'mintToken',
      'webhookFault',
      'call',
      'advance',
      'restCallback',
    ]);
    expect(scenario?.steps[5]).toEqual({
      call: {
        caller: [{ waitFor: 'beep' }, { speak: 12 }, { silence: 4 }],
        params: { ticket: 42 },
        expect: 'connected',
      },
    });
    expect(scenario?.servers?.helpdesk).toEqual({ builtin: { variant: 'missing-hangup' } });
  });

  it('reports a missing file as a diagnostic, not an exception', async () => {
    const { scenario, diagnostics } = await loadScenarioFile('/nonexistent/x.yaml');
    expect(scenario).toBeUndefined();
    expect(diagnostics[0]?.message).toMatch(/cannot read the file: ENOENT/);
    expect(diagnostics[0]?.code).toBe('CALLRIG_CONFIG_INVALID');
  });
});

describe('loadScenarioText diagnostics', () => {
  const base = 'name: x\nstory: y\nsteps:\n';

  it('names file, line, column and field for an unknown caller-step key, with a suggestion', () => {
    const text = `${base}  - advance: 1s\n  - advance: 2s\n  - call:\n      caller:\n        - waitFor: beep\n        - speek: 12\n`;
    expect(lines(text)).toEqual([
      'scenarios/x.yaml:9:11 steps[2].call.caller[1]: unknown key "speek" — did you mean "speak"?',
    ]);
  });

  it('suggests the closest step name', () => {
    expect(lines(`${base}  - fetchTokn: true\n`)).toEqual([
      'scenarios/x.yaml:4:5 steps[0]: unknown step "fetchTokn" — did you mean "fetchToken"?',
    ]);
  });

  it('collects every problem in one pass, sorted by position', () => {
    const text = 'name: x\nstory: y\nsed: 1\ndevice:\n  state: forground\nsteps:\n  - advance: 30x\n  - {}\n';
    const out = lines(text);
    expect(out).toHaveLength(4);
    expect(out[0]).toBe('scenarios/x.yaml:3:1 unknown key "sed" — did you mean "seed"?');
    expect(out[1]).toMatch(
      /^scenarios\/x\.yaml:5:10 device\.state: "forground" is not allowed.*did you mean "foreground"\?$/,
    );
    expect(out[2]).toMatch(/^scenarios\/x\.yaml:7:14 steps\[0\]\.advance: "30x" does not match: a duration/);
    expect(out[3]).toMatch(/^scenarios\/x\.yaml:8:5 steps\[1\]: a step needs a key, one of: registerVoip/);
  });

  it('explains a step with two keys (a missing dash)', () => {
    expect(lines(`${base}  - advance: 3s\n    call: {}\n`)).toEqual([
      'scenarios/x.yaml:4:5 steps[0]: a step has exactly one key; found advance, call (is a "-" missing?)',
    ]);
  });

  it('reports missing required keys at the mapping', () => {
    expect(lines('name: x\nsteps: [{advance: 1}]\n')).toEqual([
      'scenarios/x.yaml:1:1 missing required key "story"',
    ]);
  });

  it('reports the branch the user meant inside alternatives', () => {
    const text = `${base}  - call:\n      caller:\n        - waitFor: {sayTxt: hello}\n        - say: {text: hi, confidence: 2}\n`;
    expect(lines(text)).toEqual([
      'scenarios/x.yaml:6:21 steps[0].call.caller[0].waitFor: unknown key "sayTxt" — did you mean "sayText"?',
      'scenarios/x.yaml:7:39 steps[0].call.caller[1].say.confidence: must be <= 1',
    ]);
  });

  it('uses the core caller-script check for steps with two actions', () => {
    const text = `${base}  - call:\n      caller:\n        - speak: 3\n          silence: 2\n`;
    expect(lines(text)).toEqual([
      'scenarios/x.yaml:6:11 steps[0].call.caller[0]: needs exactly one of waitFor, speak, silence, press, say, hangup, hangupDuring',
    ]);
  });

  it('rejects regexes that do not compile and empty ranges', () => {
    const text = `${base}  - advance: 1\nexpect:\n  timeline:\n    - type: {regex: "("}\n      duration: {range: [5, 2]}\n`;
    const out = lines(text);
    expect(out[0]).toMatch(
      /^scenarios\/x\.yaml:7:21 expect\.timeline\[0\]\.type\.regex: invalid regular expression/,
    );
    expect(out[1]).toBe(
      'scenarios/x.yaml:8:25 expect.timeline[0].duration.range: range [5, 2] is empty: min is above max',
    );
  });

  it('hints at quoting DTMF keys that YAML read as a number or a comment', () => {
    expect(lines(`${base}  - call:\n      caller:\n        - press: 1\n        - press: #\n`)).toEqual([
      'scenarios/x.yaml:6:18 steps[0].call.caller[0].press: expected string, got number 1 (quote it: "1")',
      'scenarios/x.yaml:7:18 steps[0].call.caller[1].press: expected string, got null (a bare # starts a YAML comment; quote it: "#")',
    ]);
  });

  it('reports YAML syntax errors with file and line', () => {
    const out = loadScenarioText('name: x\nstory: y\nname: z\n', 'a.yaml').diagnostics;
    expect(out).toHaveLength(1);
    expect(formatDiagnostic(out[0]!)).toBe('a.yaml:3:1 YAML: Map keys must be unique');
  });

  it('refuses a list at the root and an alias bomb', () => {
    expect(lines('- a\n- b\n')).toEqual(['scenarios/x.yaml:1:1 expected object, got a list']);
    const levels = ['a: &a [1,1,1,1,1,1,1,1,1,1]'];
    for (const [prev, name] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
    ]) {
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    expect(lines(`${levels.join('\n')}\n`)).toEqual([
      'scenarios/x.yaml:1:1 YAML: Excessive alias count indicates a resource exhaustion attack',
    ]);
  });

  it('reports an empty file', () => {
    expect(lines('# nothing\n')).toEqual([
      'scenarios/x.yaml:1:1 the file is empty; a scenario needs name, story and steps',
    ]);
  });

  it('accepts the object form of a caller script and callee outcomes', () => {
    const text = `${base}  - call: {caller: {steps: [{press: "1"}], dial: [busy]}}\n  - restCallback: {callee: no-answer}\n`;
    expect(loadScenarioText(text, 'x.yaml').diagnostics).toEqual([]);
  });
});

describe('loadScenarios', () => {
  it('expands folders recursively in sorted order, skipping snapshots, and flags duplicate names', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'callrig-scenarios-'));
    await mkdir(join(dir, 'b'), { recursive: true });
    const body = (name: string): string => `name: ${name}\nstory: s\nsteps: [{advance: 1s}]\n`;
    await writeFile(join(dir, 'b', 'two.yml'), body('two'));
    await writeFile(join(dir, 'a.yaml'), body('one'));
    await writeFile(join(dir, 'a.snap.yaml'), 'scenario: one\ntimeline: []\n');
    await writeFile(join(dir, 'c.yaml'), body('one'));
    await writeFile(join(dir, 'notes.txt'), 'ignored');
    const { scenarios, diagnostics } = await loadScenarios([dir]);
    expect(scenarios.map((s) => s.file)).toEqual([join(dir, 'a.yaml'), join(dir, 'b', 'two.yml')]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `${join(dir, 'c.yaml')}:1:1 name: scenario name "one" is also used by ${join(dir, 'a.yaml')}`,
    ]);
  });

  it('reports a path that does not exist', async () => {
    const { diagnostics } = await loadScenarios(['/nonexistent-folder']);
    expect(formatDiagnostic(diagnostics[0]!)).toBe('/nonexistent-folder no such file or folder');
  });
});

describe('schema and defineScenario', () => {
  it('ships a schema that a plain draft-07 validator accepts', () => {
    const validate = new Ajv({ strict: false }).compile(scenarioSchema);
    expect(validate({ name: 'a', story: 'b', steps: [{ advance: '1m30s' }] })).toBe(true);
    expect(validate({ name: 'a', story: 'b', steps: [{ advance: '1x' }] })).toBe(false);
  });

  it('returns a valid scenario unchanged and throws listing every problem otherwise', () => {
    const ok = { name: 'a', story: 'b', steps: [{ fetchToken: true as const }] };
    expect(defineScenario(ok)).toBe(ok);
    const bad = { name: 'a', story: 'b', steps: [{ fetchTokn: true }], sed: 1 } as unknown as typeof ok;
    expect(() => defineScenario(bad)).toThrow(ScenarioDefinitionError);
    try {
      defineScenario(bad);
    } catch (error) {
      expect((error as ScenarioDefinitionError).problems).toEqual([
        'unknown key "sed" — did you mean "seed"?',
        'steps[0]: unknown step "fetchTokn" — did you mean "fetchToken"?',
      ]);
    }
  });
});
