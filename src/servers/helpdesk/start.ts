import { ConfigError } from '../shared/config-error.ts';
import { buildHelpDesk } from './app.ts';
import { loadHelpDeskConfig } from './config.ts';

/** @note The only place the help desk reads process.env (house rule: entry points only). */
try {
  const config = loadHelpDeskConfig(process.env);
  const app = buildHelpDesk(config, {
    logger: { level: process.env.LOG_LEVEL ?? 'info', destination: process.stdout },
  });
  const address = await app.listen({ host: config.host, port: config.port });
  console.log(`help desk listening at ${address}/voice (callbacks in ${config.dbPath})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close());
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`help desk: ${error.message}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
