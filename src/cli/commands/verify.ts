import { resolve } from 'node:path';
import type { VerifiableProvider } from '../../contracts/types.ts';
import { type CliIo, CliUsageError, EXIT } from '../io.ts';

export interface VerifyFlags {
  provider: string;
  url: string;
  pactDir?: string;
  brokerUrl?: string;
  brokerToken?: string;
  providerVersion?: string;
  publish?: boolean;
  authToken?: string;
  publicUrl?: string;
  bearerToken?: string;
}

const PROVIDERS: readonly VerifiableProvider[] = ['helpdesk-ivr', 'token-server'];

/**
 * `callrig verify --provider <name> --url <url>`: replays callrig's pacts against the user's
 * running server with the Pact verifier. Exit 0 verified, 1 any mismatch.
 */
export async function verifyCommand(flags: VerifyFlags, io: CliIo): Promise<number> {
  if (!PROVIDERS.includes(flags.provider as VerifiableProvider)) {
    throw new CliUsageError(`--provider must be one of ${PROVIDERS.join(', ')} (got "${flags.provider}")`);
  }
  if (!/^https?:\/\//.test(flags.url))
    throw new CliUsageError(`--url must be an http:// or https:// URL (got "${flags.url}")`);
  if (flags.publish && (!flags.brokerUrl || !flags.providerVersion)) {
    throw new CliUsageError('--publish needs --broker-url and --provider-version');
  }
  // @note Loaded on demand: the Pact verifier is a native module that `run` never needs.
  const { verifyProvider, formatVerifyReport } = await import('../../contracts/index.ts');
  const report = await verifyProvider({
    provider: flags.provider as VerifiableProvider,
    url: flags.url,
    ...(flags.brokerUrl
      ? { brokerUrl: flags.brokerUrl }
      : { pactDir: resolve(io.cwd, flags.pactDir ?? 'contracts/pacts') }),
    ...(flags.brokerToken ? { brokerToken: flags.brokerToken } : {}),
    ...(flags.providerVersion ? { providerVersion: flags.providerVersion } : {}),
    ...(flags.publish ? { publish: true } : {}),
    ...(flags.authToken ? { authToken: flags.authToken } : {}),
    ...(flags.publicUrl ? { publicUrl: flags.publicUrl } : {}),
    ...(flags.bearerToken ? { bearerToken: flags.bearerToken } : {}),
  });
  io.stdout.write(`${formatVerifyReport(report)}\n`);
  return report.ok ? EXIT.ok : EXIT.failed;
}
