import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTwiml } from '../../../src/core/index.ts';
import { timelineProblems } from '../../fuzz/targets/engine.ts';
import { corpusDocuments } from '../../fuzz/targets/twiml-arbitrary.ts';
import { faults } from '../../helpers/fault-server.ts';
import { APOLOGY, codes, type FaultRig, spoken, startFaultRig } from './fault-rig.ts';

/**
 * Every document of the hostile TwiML corpus, served over real HTTP as a Voice URL answer:
 * the call always ends exactly once with catalogued codes; a fatal document gives its code and
 * the apology; a non-fatal one reports its parse-time codes and carries on.
 * @note The oracle is what the parser says about the text as it arrives on the wire: UTF-8
 * turns a lone surrogate into U+FFFD, and whisper-context cases are plain documents here.
 * Where the wire text is the file's and no context applies, expected.json must agree too.
 */
const docs = corpusDocuments();
let rig: FaultRig;
beforeAll(async () => {
  rig = await startFaultRig();
});
afterAll(async () => {
  await rig.close();
});

describe(`the hostile TwiML corpus (${docs.length} documents) through the fake's webhook client`, () => {
  it('every document: one ending, catalogued codes, the fatal ladder or its warnings', {
    timeout: 120_000,
  }, async () => {
    expect(docs.length).toBeGreaterThanOrEqual(288);
    const mismatches: string[] = [];
    let checkedAgainstExpected = 0;
    for (const [i, doc] of docs.entries()) {
      const wire = Buffer.from(doc.text, 'utf-8').toString('utf-8');
      const parsed = parseTwiml(wire);
      const want = parsed.diagnostics.map((d) => d.code);
      const fatal = parsed.document === null;
      if (wire === doc.text && doc.options === null) {
        checkedAgainstExpected++;
        if (fatal !== doc.fatal || JSON.stringify(want) !== JSON.stringify(doc.codes))
          mismatches.push(`${doc.file}: parser and expected.json disagree`);
      }
      rig.server.route(`/corpus${i}`, faults.twiml(wire));
      const call = await rig.call(`${rig.server.origin}/corpus${i}`, {
        caller: [{ waitFor: 'beep' }, { speak: 2 }],
      });
      const got = codes(call.timeline);
      const problems = timelineProblems(call.timeline);
      if (fatal) {
        if (got[0] !== want.find((_, k) => parsed.diagnostics[k]?.severity === 'error'))
          problems.push(`first code ${String(got[0])}, parser says ${want.join(',')}`);
        if (spoken(call.timeline)[0] !== APOLOGY) problems.push('no apology');
      } else {
        const missing = want.filter((c) => !got.includes(c));
        if (missing.length > 0)
          problems.push(`codes ${missing.join(',')} not in the timeline (${got.join(',')})`);
      }
      if (problems.length > 0) mismatches.push(`${doc.file}: ${problems.join('; ')}`);
    }
    expect(mismatches).toEqual([]);
    expect(checkedAgainstExpected).toBeGreaterThan(250);
  });
});
