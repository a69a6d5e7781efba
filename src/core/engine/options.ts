/**
 * The engine's settings. Every value here is a [rig] choice from shared/fidelity/twilio-voice.md
 * §12 (or a simulation constant): reports print the resolved table so a run says which
 * behaviour it assumed.
 */
export interface EngineOptions {
  record: {
    /** Empty take: no action + fall through (old docs), or save it as a normal recording. */
    silentRecording: 'fall-through' | 'save';
    /** `Digits` on a take ended by silence or maxLength: left out, or sent empty. */
    digitsWhenNoKey: 'absent' | 'empty';
    /** `RecordingDuration` in the action: the trimmed length (as the callback) or the raw one. */
    durationInAction: 'trimmed' | 'raw';
    /** Body returned to the hang-up action: read and ignored, or also parsed for warnings. */
    hangupResponse: 'ignore' | 'validate';
    /** Length of the beep before capture starts. */
    beepMs: number;
  };
  twiml: {
    /** After a 12200 warning: skip the element and go on, or treat it as a fatal error. */
    onSchemaWarning: 'skip' | 'stop';
    /** Verbs callrig does not simulate: a timeline note, or a fatal error. */
    unsimulated: 'note' | 'error';
  };
  engine: {
    /** Loop guard: documents fetched in one call before CALLRIG_LOOP_LIMIT. */
    maxDocumentsPerCall: number;
    /** Words per second for Say timing: max(1 s, ceil(words / speechRate)) per loop. */
    speechRate: number;
    /** Call TimeLimit in seconds (Twilio: 4 h). */
    timeLimitSec: number;
    /** Length assumed for a played media file (no WAV header reading). */
    playSec: number;
    /** Parsed documents kept, keyed by body text (documents repeat across calls). */
    parseCacheSize: number;
  };
  gather: {
    /** `Confidence` sent with a speech result when the script gives none. */
    defaultConfidence: number;
    /** The pause `speechTimeout="auto"` waits for after speech ends. */
    autoSpeechTimeoutMs: number;
  };
  errors: {
    /** What Twilio says when a call fails with no usable fallback ('' = just hang up). */
    announcement: string;
    announcementVoice: string;
  };
  recording: {
    /** Virtual delay between the end of a take and its recording status callback. */
    processingDelayMs: number;
  };
}

/** Deep-partial options as callers pass them (`{ record: { silentRecording: 'save' } }`). */
export type EngineOptionsInput = { [K in keyof EngineOptions]?: Partial<EngineOptions[K]> };

/** The defaults, frozen. */
export const DEFAULT_ENGINE_OPTIONS: Readonly<EngineOptions> = deepFreeze({
  record: {
    silentRecording: 'fall-through',
    digitsWhenNoKey: 'absent',
    durationInAction: 'trimmed',
    hangupResponse: 'ignore',
    beepMs: 500,
  },
  twiml: { onSchemaWarning: 'skip', unsimulated: 'note' },
  engine: {
    maxDocumentsPerCall: 1000,
    speechRate: 2.5,
    timeLimitSec: 14_400,
    playSec: 5,
    parseCacheSize: 256,
  },
  gather: { defaultConfidence: 0.9, autoSpeechTimeoutMs: 1000 },
  errors: {
    announcement: 'We are sorry, an application error has occurred. Goodbye.',
    announcementVoice: 'woman',
  },
  recording: { processingDelayMs: 1000 },
});

/**
 * Merges partial options over the defaults. @note returns the frozen defaults object itself
 * when nothing is overridden, so the hot path allocates nothing.
 */
export function resolveEngineOptions(input?: EngineOptionsInput): Readonly<EngineOptions> {
  if (input === undefined) return DEFAULT_ENGINE_OPTIONS;
  const d = DEFAULT_ENGINE_OPTIONS;
  return deepFreeze({
    record: { ...d.record, ...input.record },
    twiml: { ...d.twiml, ...input.twiml },
    engine: { ...d.engine, ...input.engine },
    gather: { ...d.gather, ...input.gather },
    errors: { ...d.errors, ...input.errors },
    recording: { ...d.recording, ...input.recording },
  });
}

/** The options as `key = value` rows (`record.silentRecording`), for run reports. */
export function describeEngineOptions(
  options: Readonly<EngineOptions> = DEFAULT_ENGINE_OPTIONS,
): Array<{ key: string; value: string | number; isDefault: boolean }> {
  const rows: Array<{ key: string; value: string | number; isDefault: boolean }> = [];
  for (const [group, values] of Object.entries(options) as Array<
    [keyof EngineOptions, Record<string, string | number>]
  >) {
    const defaults = DEFAULT_ENGINE_OPTIONS[group] as unknown as Record<string, string | number>;
    for (const [key, value] of Object.entries(values)) {
      rows.push({ key: `${group}.${key}`, value, isDefault: defaults[key] === value });
    }
  }
  return rows;
}

function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) Object.freeze(v);
  return Object.freeze(value);
}
