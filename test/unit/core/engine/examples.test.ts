import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCall } from '../../../../src/core/index.ts';
import { sharedPath } from '../../../helpers/shared-dir.ts';
import { ctxWith, HANGUP_XML, memoryPort, sdkInit, VOICE_URL, xml } from './helpers.ts';

const DIR = sharedPath('data', 'twiml-examples');
const files = readdirSync(DIR).filter((f) => f.endsWith('.twiml'));

describe('every published TwiML example runs to its end', () => {
  it('has examples to run', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files)('%s', async (file) => {
    const body = readFileSync(`${DIR}/${file}`, 'utf8');
    const { port } = memoryPort({
      [VOICE_URL]: (req) => (req.kind === 'voice' ? xml(body) : xml(HANGUP_XML)),
    });
    const r = await runCall(
      sdkInit(),
      {
        steps: [{ speak: 3, transcript: 'hello' }, { press: '1#' }, { silence: 10 }],
        dial: [{ answer: { after: 2, talkFor: 5 } }],
      },
      ctxWith(port),
    );
    expect(r.timeline.at(0)?.type).toBe('call.started');
    expect(r.timeline.filter((e) => e.type === 'call.ended')).toHaveLength(1);
  });
});
