/**
 * `<Gather>` rules and defaults (fidelity §3.5). Nested prompts: Say, Play (without
 * digits) and Pause only; anything else gives 13320 and is skipped.
 */
import type { GatherPrompt, GatherVerb } from '../ast.ts';
import { AttrReader } from '../attrs.ts';
import { type BuildContext, report } from '../context.ts';
import { childElements, directText } from '../nodes.ts';
import type { XmlElement } from '../xml/types.ts';
import { isLanguageTag } from './language.ts';
import { buildPause } from './pause.ts';
import { buildPlay } from './play.ts';
import { buildSay } from './say.ts';

const ATTRS = [
  'action',
  'method',
  'input',
  'timeout',
  'finishOnKey',
  'numDigits',
  'actionOnEmptyResult',
  'speechTimeout',
  'speechModel',
  'language',
  'hints',
  'profanityFilter',
  'partialResultCallback',
  'partialResultCallbackMethod',
  'bargeIn',
  'maxSpeechTime',
  'enhanced',
  'debug',
] as const;

const SPEECH_MODEL =
  /^(default|numbers_and_commands|phone_call|experimental_conversations|experimental_utterances|googlev2_[a-z0-9_]+|deepgram_nova-[23])$/;

function speechSettings(
  a: AttrReader,
  timeout: number,
): { speechTimeout: number | 'auto'; language: string } {
  const model = a.raw('speechModel') ?? 'default';
  if (!SPEECH_MODEL.test(model))
    a.bad('speechModel', 13334, 'a Twilio speech model such as default or phone_call', 'default');
  const effectiveModel = SPEECH_MODEL.test(model) ? model : 'default';
  let speechTimeout: number | 'auto' = timeout;
  const st = a.raw('speechTimeout');
  if (st === 'auto') {
    if (effectiveModel === 'default')
      a.bad(
        'speechTimeout',
        13335,
        'a number when speechModel is default ("auto" needs another model)',
        timeout,
      );
    else speechTimeout = 'auto';
  } else if (st !== undefined) speechTimeout = a.int('speechTimeout', 13327, timeout, 1);
  let language = a.raw('language') ?? 'en-US';
  if (!isLanguageTag(language)) {
    a.bad('language', 13331, 'a BCP-47 language tag such as en-US', 'en-US');
    language = 'en-US';
  }
  a.bool('profanityFilter', 13333, true);
  a.bool('bargeIn', 13332, true);
  a.method('partialResultCallbackMethod', 13329);
  a.url('partialResultCallback');
  a.int('maxSpeechTime', 13328, 60, 1);
  return { speechTimeout, language };
}

function readHints(a: AttrReader): string | undefined {
  const hints = a.raw('hints');
  if (hints === undefined) return undefined;
  const entries = hints.split(',');
  if (entries.length <= 500 && entries.every((h) => h.trim().length <= 100)) return hints;
  a.bad('hints', 13330, 'a comma-separated list of at most 500 entries of at most 100 characters', undefined);
  return undefined;
}

function prompts(ctx: BuildContext, el: XmlElement, path: string): GatherPrompt[] {
  if (directText(el).trim() !== '')
    report(ctx, 12200, '<Gather> does not take text content; ignored', el.pos, path);
  const out: GatherPrompt[] = [];
  for (const c of childElements(el, path)) {
    const name = c.el.name;
    if (name === 'Play' && c.el.attrs.some((x) => x.name === 'digits')) {
      report(ctx, 13320, '<Play digits> is not allowed inside <Gather>; skipped', c.el.pos, c.path);
    } else if (name === 'Say') {
      const say = buildSay(ctx, c.el, c.path, true);
      if (say) out.push(say);
    } else if (name === 'Play') {
      const play = buildPlay(ctx, c.el, c.path);
      if (play) out.push(play);
    } else if (name === 'Pause') out.push(buildPause(ctx, c.el, c.path));
    else
      report(
        ctx,
        13320,
        `<${name}> is not allowed inside <Gather> (only Say, Play, Pause); skipped`,
        c.el.pos,
        c.path,
      );
  }
  return out;
}

export function buildGather(ctx: BuildContext, el: XmlElement, path: string): GatherVerb {
  const a = new AttrReader(ctx, el, path, ATTRS);
  let finishOnKey = a.raw('finishOnKey') ?? '#';
  if (!/^[0-9#*]*$/.test(finishOnKey)) {
    a.bad('finishOnKey', 13310, 'a single key 0-9 # * or ""', '#');
    finishOnKey = '#';
  } else if (finishOnKey.length > 1) {
    a.bad('finishOnKey', 13311, 'a single key (Gather takes one finishing key)', '#');
    finishOnKey = '#';
  }
  const timeout = a.int('timeout', 13313, 5, 1);
  const verb: GatherVerb = {
    verb: 'Gather',
    pos: el.pos,
    path,
    method: a.method('method', 13312),
    input: a.list('input', 13326, ['dtmf', 'speech'] as const, ['dtmf']),
    timeout,
    finishOnKey,
    actionOnEmptyResult: a.bool('actionOnEmptyResult', 13338, false),
    ...speechSettings(a, timeout),
    children: prompts(ctx, el, path),
  };
  const action = a.url('action');
  if (action !== undefined) verb.action = action;
  const numDigits = a.optInt('numDigits', 13314, 1);
  if (numDigits !== undefined) verb.numDigits = numDigits;
  const hints = readHints(a);
  if (hints !== undefined) verb.hints = hints;
  a.bool('enhanced', 12200, false);
  a.bool('debug', 12200, false);
  return verb;
}
