import { createRealClock } from '../../core/clock/real-clock.ts';
import { createIdSource } from '../../core/ids/id-source.ts';
import { buildHarness } from '../../runtime/build-harness.ts';
import { resolveConfig } from '../../runtime/resolve-config.ts';
import type { ConfigInput } from '../../runtime/types.ts';
import { type CliIo, CliUsageError, EXIT } from '../io.ts';

export interface ServeFlags {
  port?: number;
  withReference?: boolean;
  helpdeskUrl?: string;
  tokenUrl?: string;
}

/**
 * `callrig serve`: the fakes (Twilio, Catapush, APNs) on loopback for manual use, on the wall
 * clock, with the reference servers too (`--with-reference`) or pointed at the user's. Prints the
 * URLs and configured SIDs, then stays up until interrupted (Ctrl-C).
 */
export async function serveCommand(flags: ServeFlags, io: CliIo): Promise<number> {
  if (!flags.withReference && !flags.helpdeskUrl) {
    throw new CliUsageError(
      "serve needs --with-reference (start callrig's token server and help desk) or --helpdesk-url <your help desk>",
    );
  }
  const input: ConfigInput = {
    seed: 'serve',
    clock: 'real',
    servers: {
      helpdesk: flags.helpdeskUrl
        ? { kind: 'url', url: flags.helpdeskUrl, headers: {} }
        : { kind: 'builtin' },
      token: flags.tokenUrl
        ? { kind: 'url', url: flags.tokenUrl, headers: {} }
        : flags.withReference
          ? { kind: 'builtin' }
          : { kind: 'url', url: 'http://127.0.0.1:3001/token', headers: {} },
    },
  };
  const config = resolveConfig(input);
  const harness = await buildHarness({ config, clock: createRealClock(), ids: createIdSource(config.seed) });
  try {
    const urls = await harness.listen(flags.port === undefined ? {} : { twilioPort: flags.port });
    const t = config.twilio;
    const lines = [
      'callrig serve: fakes on loopback (Ctrl-C to stop)',
      `  Twilio       ${urls.twilio}   REST /2010-04-01/…, Voice SDK connect POST /callrig/v1/connect`,
      `  Catapush     ${urls.catapush}   POST /1/messages (Bearer ${config.catapush.permanentToken}), app ${config.catapush.appId}`,
      `  APNs         ${urls.apns.sandbox} (sandbox), ${urls.apns.production} (production)`,
      `  token server ${urls.token}${config.servers.token.kind === 'builtin' ? '   [reference]' : ''}`,
      `  help desk    ${urls.helpdesk}${config.servers.helpdesk.kind === 'builtin' ? '   [reference]' : ''}`,
      `  AccountSid   ${t.accountSid}   AuthToken ${t.authToken} (development credentials, loopback only)`,
      `  TwiML App    ${t.appSid} → ${t.voiceUrl ?? `${urls.helpdesk}/voice`}`,
      `  API key      ${t.apiKeySid}   push credential ${t.pushCredentialSid}`,
      `  device       ${config.device.id} (${config.device.bundleId}, user ${config.device.identity})`,
      '',
    ];
    io.stdout.write(lines.join('\n'));
    await (io.interrupted ?? Promise.resolve());
    return EXIT.ok;
  } finally {
    await harness.close();
  }
}
