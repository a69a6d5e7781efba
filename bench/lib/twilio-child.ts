/**
 * Entry point of a child process: callrig's fake Twilio alone on 127.0.0.1 with a virtual
 * clock, so a load test measures it in its own process as Prism is measured in its own.
 * Config (TwilioFakeConfig JSON) comes in BENCH_TWILIO_CONFIG. Prints `TWILIO_URL=<origin>`.
 */
import { createVirtualClock } from '../../src/core/index.ts';
import { createTwilioFake, type TwilioFakeConfig } from '../../src/twilio/index.ts';

const config = JSON.parse(process.env.BENCH_TWILIO_CONFIG ?? '{"accounts":[]}') as TwilioFakeConfig;
const fake = await createTwilioFake({ clock: createVirtualClock(Date.now()), config });
const origin = await fake.listen(0);
process.stdout.write(`TWILIO_URL=${origin}\n`);

const shutdown = async (): Promise<void> => {
  await fake.close();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
