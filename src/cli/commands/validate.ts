import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { classify, createParseCache } from '../../core/engine/classify.ts';
import type { Diagnostic } from '../../core/errors/diagnostic.ts';
import { validateTwiml } from '../../core/twiml/validate.ts';
import { type CliIo, CliUsageError, EXIT } from '../io.ts';

/** Twilio's fetch budget for one TwiML request (15 s, twilio-voice.md §5.1). */
const FETCH_TIMEOUT_MS = 15_000;

/** `file:line:col code severity message`, the way compilers print (and editors link). */
export function formatLint(d: Diagnostic): string {
  const where = `${d.file ?? '<input>'}${d.line > 0 ? `:${d.line}:${d.column}` : ''}`;
  return `${where} ${d.code} ${d.severity} ${d.message}${d.path ? ` (${d.path})` : ''}`;
}

/**
 * `callrig validate <file|url>`: lints TwiML with Twilio's error codes. A URL is fetched with
 * GET and classified by its Content-Type exactly as Twilio would (audio is played, plain text
 * is spoken, anything else is 12300). Exit 1 when there is an error.
 */
export async function validateCommand(target: string, io: CliIo): Promise<number> {
  const diagnostics = /^https?:\/\//i.test(target) ? await fromUrl(target, io) : await fromFile(target, io);
  for (const d of diagnostics) io.stdout.write(`${formatLint(d)}\n`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  io.stderr.write(
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
  );
  return errors > 0 ? EXIT.failed : EXIT.ok;
}

async function fromFile(path: string, io: CliIo): Promise<Diagnostic[]> {
  let xml: string;
  try {
    xml = await readFile(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    throw new CliUsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return validateTwiml(xml, { file: path });
}

async function fromUrl(url: string, io: CliIo): Promise<Diagnostic[]> {
  const started = performance.now();
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'GET',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      redirect: 'follow',
    });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return [
      problem(
        url,
        timedOut ? 11200 : 11205,
        `${timedOut ? 'no response within 15 s' : 'HTTP connection failure'}: ${(error as Error).message}`,
      ),
    ];
  }
  let body: string;
  try {
    body = await res.text();
  } catch (error) {
    // @note Headers came, the body did not (reset or stall mid-body): Twilio's 11200.
    const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    return [
      problem(
        url,
        11200,
        `HTTP retrieval failure: the response body was cut off after ${res.status} (${cause})`,
      ),
    ];
  }
  const contentType = res.headers.get('content-type');
  io.stderr.write(`GET ${url} → ${res.status} ${contentType ?? '(no Content-Type)'}\n`);
  const classified = classify(
    {
      ok: true,
      status: res.status,
      contentType,
      body,
      bodyBytes: Buffer.byteLength(body),
      elapsedMs: Math.round(performance.now() - started),
    },
    createParseCache(1),
  );
  switch (classified.kind) {
    case 'twiml':
      return validateTwiml(body, { file: url });
    case 'audio':
      io.stderr.write(
        `${url}: ${classified.contentType} — Twilio plays this audio file as the call's content\n`,
      );
      return [];
    case 'text':
      io.stderr.write(
        `${url}: text/plain that is not TwiML — Twilio speaks it: "${classified.text.slice(0, 80)}"\n`,
      );
      return [];
    case 'fatal':
      return classified.diagnostics.length > 0
        ? validateTwiml(body, { file: url })
        : [problem(url, classified.code, classified.message)];
  }
}

function problem(file: string, code: Diagnostic['code'], message: string): Diagnostic {
  return { code, severity: 'error', message, line: 0, column: 0, file };
}
