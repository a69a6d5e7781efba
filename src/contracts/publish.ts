/**
 * `publishPacts`: sends pact files to a Pact Broker (or PactFlow) through its HTTP API,
 * `POST /contracts/publish`, one call per consumer version (pact-notes §7).
 * @note pact-core has no JS publish API any more, and the Rust CLI is an extra 25 MB binary;
 * the broker's own endpoint is a single JSON POST.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DEFAULT_PACT_DIR } from './pact-sources.ts';

/** Options of {@link publishPacts}. */
export interface PublishOptions {
  /** Folder of pact files (default `contracts/pacts`); every `*.json` pact in it is sent. */
  readonly pactDir?: string;
  /** Explicit files instead of a folder. */
  readonly pactFiles?: readonly string[];
  readonly brokerUrl: string;
  /** The consumer's version, e.g. a git SHA. */
  readonly consumerVersion: string;
  readonly branch?: string;
  readonly tags?: readonly string[];
  /** Bearer token (PactFlow, or a broker with token auth). */
  readonly token?: string;
  /** Basic auth, for a self-hosted broker configured that way. */
  readonly username?: string;
  readonly password?: string;
  /** A link to the CI build, shown by the broker. */
  readonly buildUrl?: string;
}

/** One consumer's publish call. */
export interface PublishedConsumer {
  readonly consumer: string;
  readonly providers: readonly string[];
  readonly status: number;
  /** The broker's notices (what it created, what it will verify next). */
  readonly notices: readonly string[];
}

/** What {@link publishPacts} returns; it never throws for broker or file errors. */
export interface PublishResult {
  readonly ok: boolean;
  readonly published: readonly PublishedConsumer[];
  readonly errors: readonly string[];
}

interface PactText {
  readonly file: string;
  readonly consumer: string;
  readonly provider: string;
  readonly text: string;
}

/**
 * Publishes every pact of `pactDir` (or `pactFiles`) under `consumerVersion`.
 * @example
 * const result = await publishPacts({ brokerUrl: 'https://broker.example.com', consumerVersion: sha, branch: 'main', token });
 */
export async function publishPacts(opts: PublishOptions): Promise<PublishResult> {
  const errors: string[] = [];
  const published: PublishedConsumer[] = [];
  let pacts: PactText[];
  try {
    pacts = await readPacts(opts);
  } catch (error) {
    return { ok: false, published, errors: [(error as Error).message] };
  }
  if (pacts.length === 0)
    return { ok: false, published, errors: [`no pact files in ${opts.pactDir ?? DEFAULT_PACT_DIR}`] };

  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/hal+json',
  };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  else if (opts.username !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`${opts.username}:${opts.password ?? ''}`).toString('base64')}`;
  }
  let endpoint: string;
  try {
    endpoint = await publishEndpoint(opts.brokerUrl, headers);
  } catch (error) {
    return {
      ok: false,
      published,
      errors: [`cannot reach the Pact Broker at ${opts.brokerUrl}: ${(error as Error).message}`],
    };
  }

  for (const [consumer, group] of groupByConsumer(pacts)) {
    const body = {
      pacticipantName: consumer,
      pacticipantVersionNumber: opts.consumerVersion,
      ...(opts.branch ? { branch: opts.branch } : {}),
      tags: [...(opts.tags ?? [])],
      ...(opts.buildUrl ? { buildUrl: opts.buildUrl } : {}),
      contracts: group.map((p) => ({
        consumerName: p.consumer,
        providerName: p.provider,
        specification: 'pact',
        contentType: 'application/json',
        content: Buffer.from(p.text).toString('base64'),
      })),
    };
    try {
      const res = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify(body) });
      const text = await res.text();
      const notices = readNotices(text);
      if (!res.ok)
        errors.push(
          `publishing ${consumer} ${opts.consumerVersion}: HTTP ${res.status} ${text.slice(0, 300)}`,
        );
      published.push({ consumer, providers: group.map((p) => p.provider), status: res.status, notices });
    } catch (error) {
      errors.push(`publishing ${consumer}: ${(error as Error).message}`);
    }
  }
  return { ok: errors.length === 0, published, errors };
}

async function readPacts(opts: PublishOptions): Promise<PactText[]> {
  const files = opts.pactFiles ? [...opts.pactFiles] : await allPactFiles(opts.pactDir ?? DEFAULT_PACT_DIR);
  const out: PactText[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    let pact: { consumer?: { name?: unknown }; provider?: { name?: unknown } };
    try {
      pact = JSON.parse(text);
    } catch {
      throw new Error(`${file} is not JSON`);
    }
    const consumer = pact.consumer?.name;
    const provider = pact.provider?.name;
    if (typeof consumer !== 'string' || typeof provider !== 'string') {
      throw new Error(`${file} is not a pact: consumer.name and provider.name are required`);
    }
    out.push({ file, consumer, provider, text });
  }
  return out;
}

/** Every pact in `dir`, whatever its provider. */
async function allPactFiles(dir: string): Promise<string[]> {
  const root = resolve(dir);
  return (await readdir(root))
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => join(root, n));
}

function groupByConsumer(pacts: readonly PactText[]): Map<string, PactText[]> {
  const groups = new Map<string, PactText[]>();
  for (const p of pacts) groups.set(p.consumer, [...(groups.get(p.consumer) ?? []), p]);
  return groups;
}

/**
 * The broker's `pb:publish-contracts` link, read from its HAL index like the Pact CLI does;
 * `/contracts/publish` when the index does not name it.
 */
async function publishEndpoint(brokerUrl: string, headers: Record<string, string>): Promise<string> {
  const base = brokerUrl.endsWith('/') ? brokerUrl : `${brokerUrl}/`;
  const res = await fetch(base, {
    headers: { accept: 'application/hal+json', ...pick(headers, 'authorization') },
  });
  if (res.status === 401 || res.status === 403) throw new Error(`HTTP ${res.status}: check the broker token`);
  const index = (await res.json().catch(() => ({}))) as { _links?: Record<string, { href?: string }> };
  return index._links?.['pb:publish-contracts']?.href ?? new URL('contracts/publish', base).href;
}

function pick(headers: Record<string, string>, name: string): Record<string, string> {
  return headers[name] === undefined ? {} : { [name]: headers[name] };
}

function readNotices(text: string): string[] {
  try {
    const body = JSON.parse(text) as { notices?: Array<{ text?: string }> };
    return (body.notices ?? []).map((n) => n.text ?? '').filter((t) => t !== '');
  } catch {
    return [];
  }
}
