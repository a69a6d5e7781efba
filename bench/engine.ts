/**
 * Engine throughput: the help-desk flow (greeting, beep, 12 s message, 3 s silence, action,
 * thank-you, status callback) run in-process against an in-memory port.
 * Run: `npx tsx bench/engine.ts [--calls N]` (default 50,000).
 */
import { pathToFileURL } from 'node:url';
import {
  type CallInit,
  createIdSource,
  createVirtualClock,
  runCall,
  type WebhookRequest,
  type WebhookResult,
} from '../src/core/index.ts';

export interface EngineBenchOptions {
  /** Calls to run (default 50,000). */
  calls?: number;
}

export interface EngineBenchResult {
  calls: number;
  callsPerSec: number;
  /** Virtual call seconds simulated per wall-clock second. */
  simSecPerWallSec: number;
}

const VOICE = 'http://127.0.0.1:3000/voice';
const ACTION = 'http://127.0.0.1:3000/recording-callback';
const HELP_DESK = `<?xml version="1.0" encoding="UTF-8"?>
<Response>
<Say voice="woman">You have reached our customer support. All our operators are busy at the moment. Please leave your message and you contact details and we will do our best to call you back as soon as possibile.
</Say>
<Record maxLength="60" playBeep="true" timeout="3" action="${ACTION}"/>
<Say voice="woman">I did not receive any message.</Say>
<Hangup/>
</Response>`;
const THANKS =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="woman">Thank you. Goodbye.</Say><Hangup/></Response>';

const answer = (body: string): WebhookResult => ({
  ok: true,
  status: 200,
  contentType: 'text/xml',
  body,
  bodyBytes: body.length,
  elapsedMs: 0,
});
const VOICE_ANSWER = answer(HELP_DESK);
const ACTION_ANSWER = answer(THANKS);
const EMPTY_ANSWER = answer('<Response/>');

async function port(req: WebhookRequest): Promise<WebhookResult> {
  if (req.kind === 'voice') return VOICE_ANSWER;
  if (req.kind === 'action') return ACTION_ANSWER;
  return EMPTY_ANSWER;
}

export async function runEngineBench(opts: EngineBenchOptions = {}): Promise<EngineBenchResult> {
  const calls = opts.calls ?? 50_000;
  const ctx = { port, clock: createVirtualClock(), ids: createIdSource('bench') };
  const init: CallInit = {
    accountSid: 'AC00000000000000000000000000000001',
    applicationSid: 'AP00000000000000000000000000000004',
    direction: 'inbound',
    from: 'client:alice',
    to: '',
    url: VOICE,
    sdkCall: true,
    statusCallback: 'http://127.0.0.1:3000/status',
  };
  const script = [{ waitFor: 'beep' as const }, { speak: 12 }, { silence: 5 }];
  await runCall(init, script, ctx); // warm the parse cache and the JIT
  let simMs = 0;
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) {
    const r = await runCall(init, script, ctx);
    simMs += r.timeline[r.timeline.length - 1]?.t ?? 0;
  }
  const wallSec = (performance.now() - t0) / 1000;
  return { calls, callsPerSec: calls / wallSec, simSecPerWallSec: simMs / 1000 / wallSec };
}

function parseCalls(argv: string[]): number | undefined {
  const i = argv.indexOf('--calls');
  const v = i >= 0 ? Number(argv[i + 1]) : Number.NaN;
  return Number.isInteger(v) && v > 0 ? v : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const calls = parseCalls(process.argv.slice(2));
  const r = await runEngineBench(calls === undefined ? {} : { calls });
  console.log('engine bench: help-desk flow (speaks 12 s, silent, action, thank-you)');
  console.table({
    calls: r.calls,
    'calls/second': Math.round(r.callsPerSec),
    'simulated s / wall s': Math.round(r.simSecPerWallSec),
  });
}
