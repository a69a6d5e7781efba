import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALLRIG_CODES, callrigSeverity, TWILIO_CODES } from '../../../../src/core/errors/index.ts';

const doc = readFileSync(new URL('../../../../docs/error-codes.md', import.meta.url), 'utf8');
const rows = doc
  .split('\n')
  .filter((l) => /^\| [0-9A-Z_]+ \|/.test(l) && !l.startsWith('| code '))
  .map((l) => l.split('|').map((c) => c.trim()));
const listed = new Map(rows.map((r) => [r[1] ?? '', r]));

describe('docs/error-codes.md and the catalogue', () => {
  it('lists every Twilio code with its name and level', () => {
    for (const [code, info] of Object.entries(TWILIO_CODES)) {
      const row = listed.get(code);
      expect(row, `code ${code} missing from docs/error-codes.md`).toBeDefined();
      expect(row?.[2]).toBe(info.name);
      expect(row?.[3]).toBe(info.severity);
    }
  });

  it('lists every callrig code with its level', () => {
    for (const code of Object.keys(CALLRIG_CODES)) {
      const row = listed.get(code);
      expect(row, `code ${code} missing from docs/error-codes.md`).toBeDefined();
      expect(row?.[3]).toBe(callrigSeverity(code as keyof typeof CALLRIG_CODES));
    }
  });

  it('lists nothing that is not in the catalogue', () => {
    const known = new Set([...Object.keys(TWILIO_CODES), ...Object.keys(CALLRIG_CODES)]);
    const extra = [...listed.keys()].filter((c) => !known.has(c));
    expect(extra).toEqual([]);
    expect(listed.size).toBe(known.size);
  });
});
