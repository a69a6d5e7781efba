import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTwiml } from '../../../../src/core/twiml/index.ts';
import { SHARED_DIR } from './helpers.ts';

const dir = `${SHARED_DIR}/data/twiml-examples`;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.twiml'))
  .sort();

/**
 * Documents from Twilio's api-snippets that callrig's defaults flag, with the reason.
 * extra-queueing-redirect: `<Redirect></Redirect>` (re-request the current document) meets
 * fidelity §3.7's [rig] rule "an empty body gives 11100"; it is clean with
 * `emptyRedirect: 'current-document'`.
 */
const EXCEPTIONS: Record<string, number[]> = { 'extra-queueing-redirect.twiml': [11100] };

describe("Twilio's published TwiML examples", () => {
  it('are all present', () => {
    expect(files.length).toBeGreaterThanOrEqual(160);
  });

  it.each(files)('%s parses with no diagnostics (unless listed)', (file) => {
    const xml = readFileSync(`${dir}/${file}`, 'utf8');
    const r = parseTwiml(xml, { file });
    expect(r.document).not.toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(EXCEPTIONS[file] ?? []);
    const topLevel = (xml.match(/<Response[^>]*>([\s\S]*)<\/Response>/)?.[1] ?? '').replace(
      /<!--[\s\S]*?-->/g,
      '',
    );
    expect(r.document?.verbs.length).toBeLessThanOrEqual((topLevel.match(/<[A-Z]/g) ?? []).length);
  });

  it.each(Object.keys(EXCEPTIONS))('%s is clean with emptyRedirect "current-document"', (file) => {
    const r = parseTwiml(readFileSync(`${dir}/${file}`, 'utf8'), { emptyRedirect: 'current-document' });
    expect(r.diagnostics).toEqual([]);
  });
});
