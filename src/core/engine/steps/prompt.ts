/**
 * Say, Play and Pause: things the caller hears for a known time (fidelity §3.1–3.3). Used at
 * the top level and as Gather prompts.
 */

import type { Activity, GatherActivity } from '../call-state.ts';
import { isAudioType } from '../classify.ts';
import { resolveUrl } from '../params.ts';
import { callPort, emit, emitError, type Run } from '../run.ts';
import type { GatherPrompt } from '../types.ts';

/** Say `loop="0"` repeats until hang-up; callrig bounds it (§3.1). */
const MAX_LOOPS = 1000;

/** Speaking time of one loop: max(1 s, ceil(words / rate)) seconds, in ms. */
export function sayMs(text: string, rate: number): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return Math.max(1, Math.ceil(words / rate)) * 1000;
}

/** Length of a Play `digits` string: 0.5 s per tone or `w`, 1 s per `W`. */
function digitsMs(digits: string): number {
  let ms = 0;
  for (const ch of digits) ms += ch === 'W' ? 1000 : 500;
  return ms;
}

/**
 * Starts a prompt as a `listening` activity; returns false when the prompt is skipped (a Play
 * whose media cannot be played), in which case the caller moves on.
 */
export async function startPrompt(run: Run, verb: GatherPrompt, gather?: GatherActivity): Promise<boolean> {
  const s = run.state;
  const loops = (n: number) => (n === 0 ? MAX_LOOPS : n);
  switch (verb.verb) {
    case 'Say': {
      const durationMs = sayMs(verb.text, s.options.engine.speechRate) * loops(verb.loop);
      emit(run, {
        type: 'say',
        path: verb.path,
        text: verb.text,
        voice: verb.voice,
        language: verb.language,
        loop: verb.loop,
        durationMs,
      });
      listen(run, 'say', verb.path, durationMs, gather, verb.text);
      return true;
    }
    case 'Pause': {
      emit(run, { type: 'pause', path: verb.path, length: verb.length });
      listen(run, 'pause', verb.path, verb.length * 1000, gather);
      return true;
    }
    case 'Play': {
      let url: string | null = null;
      if (verb.url !== undefined) {
        url = resolveUrl(verb.url, s.doc?.url ?? null);
        if (url === null) {
          emitError(run, 11100, `Invalid URL format: Play URL '${verb.url}'`, { path: verb.path }, 'warning');
          return false;
        }
        if (
          !verb.path.startsWith('callrig:') &&
          !(await mediaPlayable(run, url, verb.path, gather !== undefined))
        ) {
          return false;
        }
      }
      const one = (url === null ? 0 : s.options.engine.playSec * 1000) + digitsMs(verb.digits ?? '');
      const durationMs = Math.max(one, 500) * loops(verb.loop);
      emit(run, {
        type: 'play',
        path: verb.path,
        url,
        ...(verb.digits !== undefined ? { digits: verb.digits } : {}),
        loop: verb.loop,
        durationMs,
      });
      listen(run, 'play', verb.path, durationMs, gather);
      return true;
    }
  }
}

/** Fetches the media (GET, no parameters, §3.2); a non-audio answer skips the Play. */
async function mediaPlayable(run: Run, url: string, path: string, inGather: boolean): Promise<boolean> {
  const res = await callPort(run, 'media', 'GET', url, []);
  if (!res.ok) {
    emitError(run, res.code, `Play media ${url}: ${res.message}`, { url, path }, 'warning');
    return false;
  }
  if (res.status >= 400) {
    emitError(run, 11200, `Play media ${url} answered HTTP ${res.status}`, { url, path }, 'warning');
    return false;
  }
  if (!isAudioType(res.contentType)) {
    const code = inGather ? 13325 : 13420;
    emitError(run, code, `Play media ${url} has Content-Type '${res.contentType ?? '(none)'}', not audio`, {
      url,
      path,
    });
    return false;
  }
  return true;
}

/** Sets a `listening` activity that ends after `durationMs` unless the caller acts. */
export function listen(
  run: Run,
  what: Extract<Activity, { kind: 'listening' }>['what'],
  path: string,
  durationMs: number,
  gather?: GatherActivity,
  text?: string,
  occurrence: number = ++run.state.counts[what],
): void {
  const s = run.state;
  const a: Extract<Activity, { kind: 'listening' }> = {
    kind: 'listening',
    what,
    path,
    occurrence,
    startedAt: s.t,
    endsAt: s.t + durationMs,
  };
  if (text !== undefined) a.text = text;
  if (gather !== undefined) a.gather = gather;
  s.activity = a;
}
