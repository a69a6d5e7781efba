import { Command, CommanderError, Option } from 'commander';
import { type CliIo, CliUsageError, EXIT } from './io.ts';
import { type FlagSpec, flagsOf, RUN_EXTRA_FLAGS, RUN_OPTIONS } from './options.ts';

// @note Commands are imported when chosen (Vitest's cac.ts does the same): `schema` and
// `validate` should not pay for loading the fakes, Fastify and the twilio package.

/**
 * The `callrig` command line: a thin shell over the programmatic API (Vitest's cac.ts model).
 * Returns the exit code; never calls `process.exit` (main.ts does).
 * @example const code = await runCli(['run', 'scenarios/'], { stdout, stderr, env: {}, cwd: '/repo' }, '0.1.0');
 */
export async function runCli(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('callrig')
    .description('Local simulation and contract-testing harness for Twilio Voice + Catapush VoIP help desks')
    .version(version, '-v, --version')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  const run = program
    .command('run')
    .description('run scenarios (files or folders, default scenarios/) against the fakes and your servers')
    .argument('[paths...]', 'scenario files or folders', ['scenarios']);
  for (const spec of [...flagsOf(RUN_OPTIONS), ...RUN_EXTRA_FLAGS]) run.addOption(option(spec));
  run.action(async (paths: string[], flags) => {
    const { runCommand } = await import('./commands/run.ts');
    code = await runCommand(paths, flags, io);
  });

  program
    .command('serve')
    .description('start the fakes on 127.0.0.1 for manual use; prints URLs and SIDs; stops on Ctrl-C')
    .option('--port <n>', 'port of the fake Twilio (default: any free port)', (v) => portNumber(v))
    .option('--with-reference', "also start callrig's reference token server and help desk")
    .option('--helpdesk-url <url>', 'your help desk base URL (instead of the reference one)')
    .option('--token-url <url>', 'your token endpoint')
    .action(async (flags) => {
      const { serveCommand } = await import('./commands/serve.ts');
      code = await serveCommand(flags, io);
    });

  program
    .command('validate')
    .description(
      'lint TwiML with Twilio error codes (file:line:col code severity message); a URL is fetched with GET',
    )
    .argument('<file|url>', 'a TwiML file, or the URL of your webhook')
    .action(async (target: string) => {
      const { validateCommand } = await import('./commands/validate.ts');
      code = await validateCommand(target, io);
    });

  program
    .command('schema')
    .description('print the scenario JSON Schema')
    .action(async () => {
      const { schemaCommand } = await import('./commands/schema.ts');
      code = schemaCommand(io);
    });

  program
    .command('merge-junit')
    .description('merge the JUnit files of several --shard runs into one')
    .argument('<files...>', 'JUnit files')
    .option('-o, --output <file>', 'write here instead of stdout')
    .action(async (files: string[], flags) => {
      const { mergeJunitCommand } = await import('./commands/merge-junit.ts');
      code = await mergeJunitCommand(files, flags, io);
    });

  program
    .command('verify')
    .description("verify your running server against callrig's pacts (Pact provider verification)")
    .requiredOption('--provider <name>', 'helpdesk-ivr or token-server')
    .requiredOption('--url <url>', 'base URL of your running server')
    .option('--pact-dir <dir>', 'folder of pact files', 'contracts/pacts')
    .option('--broker-url <url>', 'fetch pacts from a Pact Broker instead')
    .option('--provider-version <version>', 'version to publish results as (e.g. a git SHA)')
    .option('--publish', 'publish the verification result to the broker')
    .option('--public-url <url>', 'helpdesk-ivr: the base URL your IVR validates signatures against')
    .action(async (flags) => {
      const { verifyCommand } = await import('./commands/verify.ts');
      code = await verifyCommand(
        {
          ...flags,
          ...(io.env.TWILIO_AUTH_TOKEN ? { authToken: io.env.TWILIO_AUTH_TOKEN } : {}),
          ...(io.env.PACT_BROKER_TOKEN ? { brokerToken: io.env.PACT_BROKER_TOKEN } : {}),
          ...(io.env.CALLRIG_TOKEN_BEARER ? { bearerToken: io.env.CALLRIG_TOKEN_BEARER } : {}),
        },
        io,
      );
    });

  if (argv.length === 0) {
    io.stderr.write(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return reportError(error, io);
  }
}

function option(spec: FlagSpec): Option {
  const opt = new Option(spec.flags, spec.description);
  if (spec.parse) opt.argParser(spec.parse as (value: string, previous: unknown) => unknown);
  if (spec.defaultValue !== undefined) opt.default(spec.defaultValue);
  return opt;
}

function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535)
    throw new CliUsageError(`--port must be 0-65535, not "${value}"`);
  return n;
}

/** Known errors in one line (exit 2 for usage/input), unknown ones with their stack (exit 1). */
function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // @note Commander already printed its message (with a did-you-mean) through writeErr.
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.exitCode === 0
    )
      return EXIT.ok;
    return EXIT.usage;
  }
  const err = error as Error & { code?: unknown; exitCode?: number };
  if (err instanceof CliUsageError || err.code === 'CALLRIG_CONFIG_INVALID') {
    io.stderr.write(`${err instanceof CliUsageError ? 'error: ' : ''}${err.message}\n`);
    return EXIT.usage;
  }
  io.stderr.write(`[callrig] internal error: ${err.stack ?? String(error)}\n`);
  return EXIT.failed;
}
