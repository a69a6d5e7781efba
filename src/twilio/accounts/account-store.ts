import { readFileSync } from 'node:fs';
import { checkCallerScript } from '../../core/index.ts';
import { type ConfigProblem, checkConfig } from './config-schema.ts';
import type { AccountConfig, CalleeScript, TwilioFakeConfig, TwimlAppConfig } from './types.ts';

/** Raised when a config file or admin payload fails validation; carries every problem. */
export class TwilioConfigError extends Error {
  readonly code = 'CALLRIG_CONFIG_INVALID';
  constructor(
    readonly source: string,
    readonly problems: ConfigProblem[],
  ) {
    super(`${source}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
    this.name = 'TwilioConfigError';
  }
}

/** Default callee of REST-created calls: answers at once and stays silent (brief's "call him back"). */
export const DEFAULT_CALLEE: CalleeScript = { outcome: 'answer', afterSec: 0 };

/**
 * Accounts, API keys, TwiML Apps and callee scripts. @note Kept as one small store because
 * every lookup the fake makes (token issuer, REST Basic auth, App Voice URL) crosses them.
 */
export class AccountStore {
  readonly #accounts = new Map<string, AccountConfig>();
  readonly #apps = new Map<string, TwimlAppConfig>();
  readonly #callees = new Map<string, CalleeScript>();
  readonly #onApp: (app: TwimlAppConfig) => void;

  /** `onApp` runs for every App added (the host policy learns its URL hosts). */
  constructor(onApp: (app: TwimlAppConfig) => void = () => {}) {
    this.#onApp = onApp;
  }

  /** Loads a whole config (file contents or options); throws TwilioConfigError naming each field. */
  load(config: unknown, source = 'twilio config'): void {
    const problems = checkConfig('config', config);
    if (problems.length > 0) throw new TwilioConfigError(source, problems);
    const c = config as TwilioFakeConfig;
    for (const a of c.accounts) this.addAccount(a);
    for (const app of c.apps ?? []) this.addApp(app, source);
    for (const [to, script] of Object.entries(c.callees ?? {})) this.setCallee(to, script);
  }

  /** Reads and loads a JSON config file. */
  loadFile(path: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf-8'));
    } catch (err) {
      throw new TwilioConfigError(path, [{ path: '/', message: (err as Error).message }]);
    }
    this.load(parsed, path);
  }

  addAccount(account: AccountConfig): AccountConfig {
    const problems = checkConfig('account', account);
    if (problems.length > 0) throw new TwilioConfigError('account', problems);
    const copy = structuredClone(account);
    this.#accounts.set(copy.sid, copy);
    return copy;
  }

  addApp(app: TwimlAppConfig, source = 'app'): TwimlAppConfig {
    const problems = checkConfig('app', app);
    if (!this.#accounts.has(app.accountSid))
      problems.push({ path: '/accountSid', message: `unknown account ${app.accountSid}` });
    if (problems.length > 0) throw new TwilioConfigError(source, problems);
    const copy = { voiceMethod: 'POST' as const, ...structuredClone(app) };
    this.#apps.set(copy.sid, copy);
    this.#onApp(copy);
    return copy;
  }

  setCallee(to: string, script: CalleeScript): void {
    const problems = checkConfig('callee', script);
    if (script && typeof script === 'object' && 'caller' in script && script.caller !== undefined) {
      for (const d of checkCallerScript(script.caller)) {
        if (d.severity === 'error')
          problems.push({ path: `/caller${d.path ? `/${d.path}` : ''}`, message: d.message });
      }
    }
    if (problems.length > 0) throw new TwilioConfigError(`callee ${to}`, problems);
    this.#callees.set(to, structuredClone(script));
  }

  account(sid: string): AccountConfig | undefined {
    return this.#accounts.get(sid);
  }

  app(sid: string): TwimlAppConfig | undefined {
    return this.#apps.get(sid);
  }

  callee(to: string): CalleeScript {
    return this.#callees.get(to) ?? DEFAULT_CALLEE;
  }

  /** The account owning an API key, and the key's secret. */
  apiKey(keySid: string): { account: AccountConfig; secret: string } | undefined {
    for (const account of this.#accounts.values()) {
      const key = account.apiKeys?.find((k) => k.sid === keySid);
      if (key) return { account, secret: key.secret };
    }
    return undefined;
  }

  accounts(): AccountConfig[] {
    return [...this.#accounts.values()];
  }

  apps(): TwimlAppConfig[] {
    return [...this.#apps.values()];
  }

  callees(): Record<string, CalleeScript> {
    return Object.fromEntries(this.#callees);
  }
}
