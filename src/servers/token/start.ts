import { ConfigError } from '../shared/config-error.ts';
import { buildTokenServer } from './app.ts';
import { loadTokenServerConfig } from './config.ts';

/** @note The only place the token server reads process.env (house rule: entry points only). */
try {
  const config = loadTokenServerConfig(process.env);
  const app = buildTokenServer(config, {
    logger: { level: process.env.LOG_LEVEL ?? 'info', destination: process.stdout },
  });
  const address = await app.listen({ host: config.host, port: config.port });
  console.log(`token server (${config.kind}, ${config.authMode}) listening at ${address}/token`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close());
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`token server: ${error.message}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
