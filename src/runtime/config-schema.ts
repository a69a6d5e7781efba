/**
 * JSON Schema of a resolved harness `Config`. @note Checked after defaults are merged, so every
 * key is required: a typo in a partial (an unknown key) or a wrong type fails with its path.
 */
import { variantNames } from './builtin-variants.ts';

const sid = (prefix: string) => ({ type: 'string', pattern: `^${prefix}[0-9a-fA-F]{32}$` });
const server = (name: 'token' | 'helpdesk') => ({
  oneOf: [
    {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: { kind: { const: 'builtin' }, variant: { enum: variantNames(name) } },
    },
    {
      type: 'object',
      required: ['kind', 'url', 'headers'],
      additionalProperties: false,
      properties: {
        kind: { const: 'url' },
        url: { type: 'string', pattern: '^https?://' },
        headers: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
  ],
});
const nullableUrl = { anyOf: [{ type: 'null' }, { type: 'string', pattern: '^https?://' }] };

export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['seed', 'clock', 'startEpochMs', 'servers', 'twilio', 'device', 'catapush'],
  properties: {
    seed: { type: ['string', 'integer'] },
    clock: { enum: ['virtual', 'real'] },
    startEpochMs: { type: 'integer', minimum: 0 },
    servers: {
      type: 'object',
      additionalProperties: false,
      required: ['token', 'helpdesk'],
      properties: { token: server('token'), helpdesk: server('helpdesk') },
    },
    twilio: {
      type: 'object',
      additionalProperties: false,
      required: [
        'accountSid',
        'authToken',
        'appSid',
        'apiKeySid',
        'apiKeySecret',
        'pushCredentialSid',
        'engine',
      ],
      properties: {
        accountSid: sid('AC'),
        authToken: { type: 'string', minLength: 1 },
        appSid: sid('AP'),
        apiKeySid: sid('SK'),
        apiKeySecret: { type: 'string', minLength: 1 },
        pushCredentialSid: sid('CR'),
        voiceUrl: nullableUrl,
        voiceMethod: { enum: ['GET', 'POST'] },
        fallbackUrl: nullableUrl,
        statusCallback: nullableUrl,
        statusCallbackEvents: {
          anyOf: [
            { type: 'null' },
            { type: 'array', items: { enum: ['initiated', 'ringing', 'answered', 'completed'] } },
          ],
        },
        // @note The engine options have their own schema in the scenario schema; here only the shape.
        engine: { type: 'object' },
        webhookTimeScale: { type: 'number', exclusiveMinimum: 0 },
        webhookLatency: { enum: ['measured', 'nominal'] },
      },
    },
    device: {
      type: 'object',
      additionalProperties: false,
      required: [
        'id',
        'bundleId',
        'identity',
        'environment',
        'state',
        'iosVersion',
        'tokenKind',
        'catapushMode',
        'catapushLogin',
        'app',
        'rules',
      ],
      properties: {
        id: { type: 'string', minLength: 1 },
        bundleId: { type: 'string', pattern: '^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$' },
        identity: { type: 'string', pattern: '^[A-Za-z0-9_]{1,121}$' },
        environment: { enum: ['sandbox', 'production'] },
        state: { enum: ['foreground', 'background', 'suspended', 'terminated'] },
        iosVersion: { type: 'number', minimum: 1 },
        notificationsAllowed: { type: 'boolean' },
        tokenKind: { enum: ['capability', 'access'] },
        catapushMode: { enum: ['voip', 'alert'] },
        catapushLogin: { type: 'boolean' },
        app: {
          type: 'object',
          additionalProperties: false,
          properties: {
            reportsToCallKit: { type: 'boolean' },
            onPush: { enum: ['call', 'ignore'] },
            registersPushKit: { type: 'boolean' },
          },
        },
        rules: {
          type: 'object',
          additionalProperties: false,
          properties: {
            callKitReportDeadlineMs: { type: 'number', minimum: 0 },
            voipStrikeLimit: { type: 'integer', minimum: 1 },
            voipStrikeMode: { enum: ['consecutive', 'total'] },
            nseBudgetMs: { type: 'number', minimum: 0 },
          },
        },
      },
    },
    catapush: {
      type: 'object',
      additionalProperties: false,
      required: ['appId', 'appKey', 'permanentToken', 'password'],
      properties: {
        appId: { type: 'integer', minimum: 1 },
        appKey: { type: 'string', minLength: 1 },
        permanentToken: { type: 'string', pattern: '^[0-9a-f]{40}$' },
        password: { type: 'string', minLength: 1 },
      },
    },
  },
} as const;
