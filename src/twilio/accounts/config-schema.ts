import { Ajv, type ErrorObject } from 'ajv';
import type { TwilioFakeConfig } from './types.ts';

/**
 * JSON Schema for the fake's account/App config file and admin payloads.
 * @note SID patterns accept either hex case, as Twilio does (§1).
 */
const sid = (prefix: string) => ({ type: 'string', pattern: `^${prefix}[0-9a-fA-F]{32}$` });
const method = { type: 'string', enum: ['GET', 'POST'] };
const url = { type: 'string', pattern: '^https?://' };

export const accountSchema = {
  type: 'object',
  required: ['sid', 'authToken'],
  additionalProperties: false,
  properties: {
    sid: sid('AC'),
    authToken: { type: 'string', minLength: 1 },
    friendlyName: { type: 'string' },
    apiKeys: {
      type: 'array',
      items: {
        type: 'object',
        required: ['sid', 'secret'],
        additionalProperties: false,
        properties: { sid: sid('SK'), secret: { type: 'string', minLength: 1 } },
      },
    },
  },
} as const;

export const appSchema = {
  type: 'object',
  required: ['sid', 'accountSid', 'voiceUrl'],
  additionalProperties: false,
  properties: {
    sid: sid('AP'),
    accountSid: sid('AC'),
    friendlyName: { type: 'string' },
    voiceUrl: url,
    voiceMethod: method,
    voiceFallbackUrl: url,
    voiceFallbackMethod: method,
    statusCallback: url,
    statusCallbackMethod: method,
    statusCallbackEvents: {
      type: 'array',
      items: { type: 'string', enum: ['initiated', 'ringing', 'answered', 'completed'] },
    },
  },
} as const;

export const calleeSchema = {
  type: 'object',
  required: ['outcome'],
  additionalProperties: false,
  properties: {
    outcome: { type: 'string', enum: ['answer', 'busy', 'no-answer', 'failed'] },
    afterSec: { type: 'number', minimum: 0 },
    hangupAfterSec: { type: 'number', minimum: 0 },
    caller: {},
  },
} as const;

export const configSchema = {
  type: 'object',
  required: ['accounts'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    accounts: { type: 'array', items: accountSchema },
    apps: { type: 'array', items: appSchema },
    callees: { type: 'object', additionalProperties: calleeSchema },
  },
} as const;

const ajv = new Ajv({ allErrors: true });
const validators = {
  config: ajv.compile(configSchema),
  account: ajv.compile(accountSchema),
  app: ajv.compile(appSchema),
  callee: ajv.compile(calleeSchema),
};

/** One problem, naming the field (`/accounts/0/sid`). */
export interface ConfigProblem {
  path: string;
  message: string;
}

/** Validates a payload against one of the schemas; returns every problem (Mountebank style). */
export function checkConfig(kind: keyof typeof validators, value: unknown): ConfigProblem[] {
  const validate = validators[kind];
  if (validate(value)) return [];
  return (validate.errors ?? []).map(toProblem);
}

function toProblem(err: ErrorObject): ConfigProblem {
  const extra =
    err.keyword === 'additionalProperties'
      ? ` (${String((err.params as { additionalProperty?: string }).additionalProperty)})`
      : err.keyword === 'required'
        ? ` (${String((err.params as { missingProperty?: string }).missingProperty)})`
        : '';
  return { path: err.instancePath || '/', message: `${err.message ?? 'invalid'}${extra}` };
}

/** Narrowing helper for callers that already checked. */
export function asConfig(value: unknown): TwilioFakeConfig {
  return value as TwilioFakeConfig;
}
