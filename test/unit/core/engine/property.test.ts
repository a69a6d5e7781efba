import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallerStep } from '../../../../src/core/caller/caller-script.ts';
import {
  type CalleeOutcome,
  checkCallerScript,
  runCall,
  type WebhookResult,
} from '../../../../src/core/index.ts';
import { sharedPath } from '../../../helpers/shared-dir.ts';
import { ctxWith, sdkInit, xml } from './helpers.ts';

const DIR = sharedPath('data', 'twiml-examples');
const corpus = readdirSync(DIR)
  .filter((f) => f.endsWith('.twiml'))
  .map((f) => readFileSync(`${DIR}/${f}`, 'utf8'));

const VERBS = [
  '<Say>Hello there</Say>',
  '<Say loop="0">x</Say>',
  '<Play>/a.mp3</Play>',
  '<Pause length="2"/>',
  '<Record timeout="0" maxLength="30"/>',
  '<Record/>',
  '<Gather numDigits="2"><Say>menu</Say></Gather>',
  '<Gather input="speech" actionOnEmptyResult="true"/>',
  '<Dial action="/d">+14155550100</Dial>',
  '<Redirect>/voice</Redirect>',
  '<Redirect method="GET">http://127.0.0.1:3000/other</Redirect>',
  '<Hangup/>',
  '<Reject reason="busy"/>',
  '<Enqueue>q</Enqueue>',
  '<Start><Stream url="wss://x"/></Start>',
];

/** Generated documents: verb soup, or a published example with a random splice. */
const documentArb = fc.oneof(
  fc.array(fc.constantFrom(...VERBS), { maxLength: 6 }).map((v) => `<Response>${v.join('')}</Response>`),
  fc
    .tuple(fc.constantFrom(...corpus), fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 12 }))
    .map(([doc, at, del, ins]) => {
      const i = at % (doc.length + 1);
      return doc.slice(0, i) + ins + doc.slice(i + del);
    }),
  fc.string({ maxLength: 40 }),
);

const answerArb: fc.Arbitrary<WebhookResult> = fc.oneof(
  { weight: 6, arbitrary: documentArb.map((b) => xml(b)) },
  {
    weight: 1,
    arbitrary: fc.tuple(documentArb, fc.constantFrom(200, 301, 404, 500)).map(([b, s]) => xml(b, s)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.string({ maxLength: 30 }),
        fc.constantFrom(null, 'application/json', 'text/plain', 'audio/mpeg', 'TEXT/XML; charset=utf-8'),
      )
      .map(([b, ct]) => xml(b, 200, ct)),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(11200, 11205, 11215)
      .map((code) => ({ ok: false as const, code, message: 'transport', elapsedMs: 7 })),
  },
);

const stepArb: fc.Arbitrary<CallerStep> = fc.oneof(
  fc.constantFrom<CallerStep>(
    { waitFor: 'beep' },
    { waitFor: 'gather' },
    { waitFor: 'record' },
    { waitFor: { sayText: 'menu|Hello' } },
  ),
  fc.integer({ min: 1, max: 90 }).map((speak) => ({ speak })),
  fc.integer({ min: 1, max: 30 }).map((silence) => ({ silence })),
  fc.constantFrom('1', '#', '12#', '*', '9w9').map((press) => ({ press })),
  fc.constantFrom('billing', 'sales please').map((say) => ({ say })),
  fc.integer({ min: 0, max: 20 }).map((after) => ({ hangup: { after } })),
  fc.constantFrom<CallerStep>(
    { hangupDuring: { say: 2 } },
    { hangupDuring: { record: 1, after: 3 } },
    { hangupDuring: { beep: 1 } },
  ),
);

const outcomeArb: fc.Arbitrary<CalleeOutcome> = fc.oneof(
  fc.constantFrom<CalleeOutcome>('busy', 'no-answer', 'failed'),
  fc.record({ answer: fc.record({ after: fc.nat({ max: 40 }), talkFor: fc.nat({ max: 100 }) }) }),
);

describe('random and mutated TwiML with random callers (property)', () => {
  it('never throws, always ends, and stays within the document bound', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(answerArb, { minLength: 1, maxLength: 8 }),
        fc.array(stepArb, { maxLength: 8 }),
        fc.array(outcomeArb, { maxLength: 3 }),
        fc.boolean(),
        async (answers, steps, dial, fallback) => {
          const script = { steps, dial };
          expect(checkCallerScript(script)).toEqual([]);
          let n = 0;
          const port = async (): Promise<WebhookResult> => answers[n++ % answers.length] as WebhookResult;
          const init = sdkInit(
            fallback
              ? { fallbackUrl: 'http://127.0.0.1:3000/fb', statusCallback: 'http://127.0.0.1:3000/s' }
              : {},
          );
          const r = await runCall(init, script, ctxWith(port, { engine: { maxDocumentsPerCall: 40 } }));
          const ended = r.timeline.filter((e) => e.type === 'call.ended');
          expect(ended).toHaveLength(1);
          const docs = r.timeline.filter((e) => e.type === 'webhook.requested' && e.kind !== 'hangup-action');
          expect(docs.length).toBeLessThanOrEqual(40);
          expect(JSON.parse(JSON.stringify(r.timeline))).toEqual(r.timeline);
          for (const e of r.timeline) {
            if (e.type !== 'webhook.requested' && e.type !== 'callback.sent') continue;
            const names = e.params.map((p) => p[0]);
            expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
          }
        },
      ),
      { numRuns: 300, seed: 20261127 },
    );
  }, 60_000);
});
