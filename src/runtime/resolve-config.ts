import { Ajv } from 'ajv';
import { resolveEngineOptions } from '../core/engine/options.ts';
import { CONFIG_SCHEMA } from './config-schema.ts';
import { DEFAULT_CONFIG } from './defaults.ts';
import type { Config, ConfigInput } from './types.ts';

/** Thrown by `resolveConfig`; `problems` lists every schema failure as `path: message`. */
export class ConfigInvalidError extends Error {
  readonly code = 'CALLRIG_CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`invalid callrig configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigInvalidError';
  }
}

// @note allErrors: one pass names every bad key (STYLE practice 6); compiled once per process.
const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(CONFIG_SCHEMA);

/**
 * Defaults + partial → a checked, deep-frozen configuration (Fastify's initialConfig model).
 * @example const config = resolveConfig({ seed: 'says-nothing', device: { catapushMode: 'alert' } });
 */
export function resolveConfig(partial: ConfigInput = {}): Readonly<Config> {
  const d = DEFAULT_CONFIG;
  const merged = {
    ...d,
    ...pick(partial, ['seed', 'clock', 'startEpochMs']),
    servers: { ...d.servers, ...partial.servers },
    twilio: { ...d.twilio, ...partial.twilio, engine: resolveEngineOptions(partial.twilio?.engine) },
    device: {
      ...d.device,
      ...partial.device,
      app: { ...d.device.app, ...partial.device?.app },
      rules: { ...d.device.rules, ...partial.device?.rules },
    },
    catapush: { ...d.catapush, ...partial.catapush },
  };
  // @note structuredClone first: the freeze below must never reach the caller's objects.
  const config = structuredClone(merged) as Config;
  if (!validate(config)) {
    const problems = (validate.errors ?? []).map(
      (e) => `${e.instancePath || '(root)'}: ${e.message ?? 'invalid'}`,
    );
    throw new ConfigInvalidError([...new Set(problems)]);
  }
  return deepFreeze(config);
}

function pick<T extends object, K extends keyof T>(obj: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}

/** Freezes every nested object (arrays included). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
