import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTwiml } from '../../../../src/core/twiml/index.ts';
import type { ExpectedEntry } from '../../../corpus/twiml/generate-types.ts';

const dir = fileURLToPath(new URL('../../../corpus/twiml/', import.meta.url));
const expected = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')) as Record<string, ExpectedEntry>;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.xml'))
  .sort();

function load(file: string, entry: ExpectedEntry): string {
  const raw = readFileSync(`${dir}${file}`, 'utf8');
  return entry.escaped
    ? raw.replace(/\\u([0-9A-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : raw;
}

describe('hostile TwiML corpus (test/corpus/twiml)', () => {
  it('has at least 200 documents, each listed in expected.json and vice versa', () => {
    expect(files.length).toBeGreaterThanOrEqual(200);
    expect(Object.keys(expected).sort()).toEqual(files);
  });

  let finished = 0;
  it.each(files)(
    '%s gives its expected outcome',
    (file) => {
      const entry = expected[file] as ExpectedEntry;
      const xml = load(file, entry);
      let result: ReturnType<typeof parseTwiml> | undefined;
      expect(() => {
        result = parseTwiml(xml, { file, ...entry.options });
      }).not.toThrow();
      expect(result?.diagnostics.map((d) => d.code)).toEqual(entry.codes);
      expect(result?.document === null).toBe(entry.fatal);
      for (const d of result?.diagnostics ?? []) expect(d.file).toBe(file);
      // External entities are never resolved: nothing from the files they name appears.
      expect(JSON.stringify(result)).not.toMatch(/root:.*:0:0:|lollollol/);
      finished++;
    },
    2000,
  );

  it('parsed every document to completion', () => {
    expect(finished).toBe(files.length);
  });
});
