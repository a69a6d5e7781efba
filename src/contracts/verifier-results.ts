/**
 * Turns the native verifier's JSON result (pact-core resolves or rejects with it) into
 * per-interaction outcomes with readable mismatch messages.
 */
import type { InteractionOutcome } from './types.ts';

interface RawMismatch {
  type?: string;
  mismatch?: string;
  message?: string;
  path?: string;
  key?: string;
}
interface RawError {
  interaction?: string;
  mismatch?: { type?: string; message?: string; mismatches?: RawMismatch[] };
}
interface RawResult {
  result?: boolean;
  output?: string[];
  errors?: RawError[];
  interactionResults?: Array<{ description?: string; result?: string }>;
}

/** The verifier's JSON, or null when `text` is not one (a crash message). */
export function parseVerifierJson(text: string): RawResult | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && 'result' in parsed ? (parsed as RawResult) : null;
  } catch {
    return null;
  }
}

/** `Verifying a pact between C and P Given S - description` → its parts. */
const HEADING = /^Verifying a pact between (.+?) and (.+?)(?: Given (.+?))? - (.+)$/s;

/** One outcome per interaction the verifier ran, failures carrying their mismatch messages. */
export function interactionOutcomes(raw: RawResult): InteractionOutcome[] {
  const failures = (raw.errors ?? []).map((e) => ({ heading: HEADING.exec(e.interaction ?? ''), error: e }));
  const outcomes: InteractionOutcome[] = [];
  const used = new Set<number>();
  const consumers = consumersByDescription(raw.output ?? []);
  for (const r of raw.interactionResults ?? []) {
    const description = r.description ?? '(unnamed interaction)';
    const index = failures.findIndex((f, i) => !used.has(i) && f.heading?.[4] === description);
    if (index >= 0) used.add(index);
    const failure = failures[index];
    outcomes.push({
      consumer: failure?.heading?.[1] ?? consumers.get(description) ?? '',
      description,
      ...(failure?.heading?.[3] ? { state: failure.heading[3] } : {}),
      ok: failure === undefined && r.result !== 'Error',
      // @note Sorted: the native verifier reports mismatches of one body in varying order.
      problems: failure ? messages(failure.error).sort() : [],
    });
  }
  // @note Failures the results list does not name (e.g. a state setup error) still count.
  failures.forEach((f, i) => {
    if (used.has(i)) return;
    outcomes.push({
      consumer: f.heading?.[1] ?? '',
      description: f.heading?.[4] ?? f.error.interaction ?? '(unknown interaction)',
      ok: false,
      problems: messages(f.error).sort(),
    });
  });
  return outcomes;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are control characters
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Which consumer each interaction belongs to, read from the verifier's console lines.
 * @note The result list names interactions by description only; passing ones have no error
 * heading, and one run may verify pacts of several consumers.
 */
function consumersByDescription(output: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  let consumer = '';
  for (const chunk of output) {
    for (const line of chunk.replace(ANSI, '').split('\n')) {
      const pact = /Verifying a pact between (.+?) and /.exec(line);
      if (pact?.[1]) consumer = pact[1];
      const interaction = /^ {2}(\S.*?) \([^()]*loading[^()]*\)$/.exec(line);
      if (interaction?.[1] && !map.has(interaction[1])) map.set(interaction[1], consumer);
    }
  }
  return map;
}

function messages(error: RawError): string[] {
  const m = error.mismatch;
  if (!m) return ['failed without a mismatch description'];
  if (m.mismatches === undefined) return [m.message ?? `failed (${m.type ?? 'unknown'})`];
  return m.mismatches.map((x) => {
    const where = x.path ?? (x.key ? `header ${x.key}` : undefined);
    const text = x.mismatch ?? x.message ?? x.type ?? 'mismatch';
    return where && !text.includes(where) ? `${where}: ${text}` : text;
  });
}
