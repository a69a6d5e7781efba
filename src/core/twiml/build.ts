/**
 * `<Response>` → TwimlDocument: dispatches each top-level element to its verb builder.
 */
import type { TwimlDocument, Verb } from './ast.ts';
import { AttrReader } from './attrs.ts';
import { type BuildContext, report } from './context.ts';
import { childElements, directText } from './nodes.ts';
import { buildDial } from './verbs/dial.ts';
import { buildEnqueue } from './verbs/enqueue.ts';
import { buildGather } from './verbs/gather.ts';
import { buildHangup, buildLeave, buildReject } from './verbs/hangup.ts';
import { buildPause } from './verbs/pause.ts';
import { buildPlay } from './verbs/play.ts';
import { buildRecord } from './verbs/record.ts';
import { buildRedirect } from './verbs/redirect.ts';
import { buildSay } from './verbs/say.ts';
import type { XmlElement } from './xml/types.ts';

type Builder = (ctx: BuildContext, el: XmlElement, path: string) => Verb | null;

const SIMULATED: Record<string, Builder> = {
  Say: buildSay,
  Play: buildPlay,
  Pause: buildPause,
  Record: buildRecord,
  Gather: buildGather,
  Dial: buildDial,
  Hangup: buildHangup,
  Redirect: buildRedirect,
  Reject: buildReject,
  Enqueue: buildEnqueue,
  Leave: buildLeave,
};

/** Verbs Twilio accepts that callrig parses without simulating (fidelity §2.5). */
export const UNSIMULATED_VERBS = [
  'Start',
  'Stop',
  'Stream',
  'Siprec',
  'Transcription',
  'Connect',
  'Pay',
  'Prompt',
  'Refer',
  'Echo',
  'Sms',
  'Application',
] as const;

/** Verbs allowed in a whisper document (`<Number url>`, `<Client url>`), fidelity §2.3. */
const WHISPER_VERBS = new Set(['Play', 'Say', 'Pause', 'Gather', 'Hangup']);

/** Builds the document from a root already known to be `<Response>`. */
export function buildDocument(ctx: BuildContext, root: XmlElement): TwimlDocument {
  new AttrReader(ctx, root, 'Response', ['version']);
  if (directText(root).trim() !== '') {
    report(ctx, 12200, '<Response> contains text outside any verb; ignored', root.pos, 'Response');
  }
  const verbs: Verb[] = [];
  for (const { el, path } of childElements(root, 'Response')) {
    if (ctx.whisper && !WHISPER_VERBS.has(el.name) && (el.name in SIMULATED || isUnsimulated(el.name))) {
      const code = el.name === 'Dial' ? 13201 : 12200;
      report(
        ctx,
        code,
        `<${el.name}> is not allowed in a whisper document (only Play, Say, Pause, Gather, Hangup); skipped`,
        el.pos,
        path,
      );
      continue;
    }
    const builder = Object.hasOwn(SIMULATED, el.name) ? SIMULATED[el.name] : undefined;
    if (builder) {
      const verb = builder(ctx, el, path);
      if (verb) verbs.push(verb);
    } else if (isUnsimulated(el.name)) {
      verbs.push({ verb: 'Unsimulated', name: el.name, pos: el.pos, path });
    } else {
      const hint = [...Object.keys(SIMULATED), ...UNSIMULATED_VERBS].find(
        (v) => v.toLowerCase() === el.name.toLowerCase(),
      );
      const why = hint ? ` (verb names are case-sensitive: did you mean <${hint}>?)` : '';
      report(ctx, 12200, `Unknown verb <${el.name}>${why}; skipped`, el.pos, path);
    }
  }
  return { verbs };
}

function isUnsimulated(name: string): boolean {
  return (UNSIMULATED_VERBS as readonly string[]).includes(name);
}
