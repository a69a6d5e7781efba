/**
 * `<Say>` rules (fidelity §3.1): voice, language, loop, SSML children, text limits.
 */
import type { SayVerb } from '../ast.ts';
import { AttrReader } from '../attrs.ts';
import { type BuildContext, report } from '../context.ts';
import { childElements } from '../nodes.ts';
import type { XmlElement } from '../xml/types.ts';
import { isLanguageTag } from './language.ts';

const ATTRS = ['voice', 'language', 'loop'] as const;
const SSML = ['break', 'emphasis', 'lang', 'p', 'phoneme', 'prosody', 's', 'say-as', 'sub', 'w'];
/** SSML elements that separate words when markup is stripped. */
const BLOCK = new Set(['break', 'p', 's']);
const BASIC_VOICES = ['man', 'woman', 'alice'];
/** [rig] Twilio uses the account's default voice; callrig uses `man`. */
export const DEFAULT_VOICE = 'man';

/** Polly, Google and ElevenLabs voice names as twilio-node lists them (fidelity §3.1). */
function isVoice(v: string): boolean {
  return (
    BASIC_VOICES.includes(v) ||
    /^Polly\.\p{L}+(-Neural|-Generative)?$/u.test(v) ||
    /^Google\.[a-z]{2,3}(-[A-Za-z]{2,4})?-[A-Za-z0-9]+(-[A-Za-z0-9]+)?-[A-Za-z0-9]+$/.test(v) ||
    /^ElevenLabs\.[A-Za-z0-9]{8,}$/.test(v)
  );
}

/** Collects spoken text with SSML markup stripped; non-SSML children give 12200. */
function spokenText(ctx: BuildContext, el: XmlElement, path: string): string {
  let out = '';
  const elements = new Map(childElements(el, path).map((c) => [c.el, c.path]));
  for (const child of el.children) {
    if (child.kind === 'text') {
      out += child.text;
      continue;
    }
    const childPath = elements.get(child) ?? path;
    if (!SSML.includes(child.name)) {
      report(
        ctx,
        12200,
        `<${child.name}> is not allowed inside <Say> (only text and SSML); skipped`,
        child.pos,
        childPath,
      );
      continue;
    }
    const inner = spokenText(ctx, child, childPath);
    out += BLOCK.has(child.name) ? ` ${inner} ` : inner;
  }
  return out;
}

/**
 * Builds a Say; returns null when Twilio would skip it (empty text 13520, too long 13521).
 * Inside `<Gather>` a bad voice/loop uses Gather's codes 13321/13322.
 */
export function buildSay(ctx: BuildContext, el: XmlElement, path: string, inGather = false): SayVerb | null {
  const a = new AttrReader(ctx, el, path, ATTRS);
  let voice = a.raw('voice') ?? DEFAULT_VOICE;
  if (!isVoice(voice)) {
    a.bad(
      'voice',
      inGather ? 13321 : 13511,
      'man, woman, alice, Polly.<Name>[-Neural|-Generative] or Google.<locale>-<Type>-<X>',
      DEFAULT_VOICE,
    );
    voice = DEFAULT_VOICE;
  }
  let language = a.raw('language') ?? 'en-US';
  if (!isLanguageTag(language)) {
    a.bad('language', 13512, 'a BCP-47 language tag such as en-US', 'en-US');
    language = 'en-US';
  }
  const loop = a.int('loop', inGather ? 13322 : 13510, 1, 0);
  const text = spokenText(ctx, el, path).replace(/\s+/g, ' ').trim();
  if (text === '') {
    report(ctx, 13520, '<Say> has no text to speak; skipped', el.pos, path);
    return null;
  }
  const limit = BASIC_VOICES.includes(voice) ? 4096 : 3000;
  if (text.length > limit) {
    report(
      ctx,
      13521,
      `<Say> text is ${text.length} characters; voice "${voice}" allows at most ${limit}; skipped`,
      el.pos,
      path,
    );
    return null;
  }
  return { verb: 'Say', pos: el.pos, path, text, voice, language, loop };
}
