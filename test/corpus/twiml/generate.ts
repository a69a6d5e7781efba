/**
 * Writes the hostile TwiML corpus (test/corpus/twiml/NNN-name.xml + expected.json) from
 * the case tables in ./cases. Run: `npx tsx test/corpus/twiml/generate.ts`.
 * @note Files hold the exact document text, except that code units UTF-8 cannot carry
 * (lone surrogates) and control characters are written as `\uXXXX` escapes; such
 * entries are marked `"escaped": true` and the corpus test decodes them before parsing.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { attributeCases } from './cases/attribute-cases.ts';
import { limitsCases } from './cases/limits-cases.ts';
import type { CorpusCase } from './cases/types.ts';
import type { ExpectedEntry } from './generate-types.ts';
import { verbCases } from './cases/verb-cases.ts';
import { xmlCases } from './cases/xml-cases.ts';


const FATAL = [11750, 12100, 12101, 12102];
// Control characters other than tab/LF/CR, lone surrogates, and literal backslash-u sequences.
const NEEDS_ESCAPE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF\r]/;

function escape(xml: string): string {
  return xml.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF\r\\]/g, (ch) =>
    ch === '\\' ? '\\u005C' : `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

export const allCases: CorpusCase[] = [...xmlCases, ...limitsCases, ...verbCases, ...attributeCases];

function main(): void {
  const dir = dirname(fileURLToPath(import.meta.url));
  for (const f of readdirSync(dir)) if (/^\d{3}-.*\.xml$/.test(f)) rmSync(join(dir, f));
  const expected: Record<string, ExpectedEntry> = {};
  const seen = new Set<string>();
  allCases.forEach((c, i) => {
    if (seen.has(c.name)) throw new Error(`duplicate corpus case name ${c.name}`);
    seen.add(c.name);
    const file = `${String(i + 1).padStart(3, '0')}-${c.name}.xml`;
    const escaped = NEEDS_ESCAPE.test(c.xml);
    writeFileSync(join(dir, file), escaped ? escape(c.xml) : c.xml, 'utf8');
    const entry: ExpectedEntry = { codes: c.codes, fatal: c.fatal ?? c.codes.some((code) => FATAL.includes(code)) };
    if (escaped) entry.escaped = true;
    if (c.options) entry.options = c.options;
    expected[file] = entry;
  });
  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`, 'utf8');
  console.log(`wrote ${allCases.length} corpus documents to ${dir}`);
}

main();
