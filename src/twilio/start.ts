import { createRealClock } from '../core/index.ts';
import { createTwilioFake } from './create-twilio-fake.ts';

/**
 * Runs the fake Twilio alone on 127.0.0.1 (entry point: the only file here that reads env/argv).
 * Usage: `tsx src/twilio/start.ts [--port 4010] [--config twilio.json] [--api-origin https://api.twilio.com]`
 * Env fallbacks: CALLRIG_TWILIO_PORT, CALLRIG_TWILIO_CONFIG, CALLRIG_TWILIO_API_ORIGIN.
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const port = Number(arg('port') ?? process.env.CALLRIG_TWILIO_PORT ?? 4010);
const configFile = arg('config') ?? process.env.CALLRIG_TWILIO_CONFIG;
const apiOrigin = arg('api-origin') ?? process.env.CALLRIG_TWILIO_API_ORIGIN;

try {
  const fake = await createTwilioFake({ clock: createRealClock(), logger: true, configFile, apiOrigin });
  const origin = await fake.listen(port);
  process.stdout.write(`[callrig] fake Twilio listening on ${origin}\n`);
  const stop = async (): Promise<void> => {
    await fake.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  process.stderr.write(`[callrig] fake Twilio failed to start: ${(err as Error).message}\n`);
  process.exitCode = 2;
}
