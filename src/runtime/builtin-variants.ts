/**
 * Named variants of the builtin reference servers: the same servers, configured through their
 * ordinary environment variables (never broken fixtures; those live in test/fixtures).
 */

/** The bearer secret the runner and the app present to the `bearer-auth` token server. */
export const BEARER_SECRET = 'callrig-dev-bearer-secret';

export interface BuiltinVariant {
  /** One line for docs and error messages. */
  description: string;
  /** Environment variables set on top of the reference environment. */
  env(identity: string): Record<string, string>;
}

/** The supported variants, by server. */
export const BUILTIN_VARIANTS = {
  helpdesk: {
    'no-signature-check': {
      description: 'help desk with HELPDESK_VALIDATE_SIGNATURES=false (accepts unsigned webhooks)',
      env: () => ({ HELPDESK_VALIDATE_SIGNATURES: 'false' }),
    },
  },
  token: {
    'access-token': {
      description:
        'token server minting Access Tokens (TOKEN_KIND=access) with an incoming grant (TOKEN_ALLOW_INCOMING=true)',
      env: () => ({ TOKEN_KIND: 'access', TOKEN_ALLOW_INCOMING: 'true' }),
    },
    'bearer-auth': {
      description: `token server requiring "Authorization: Bearer ${BEARER_SECRET}" (TOKEN_AUTH_MODE=bearer); the app and the runner send it`,
      env: (identity: string) => ({
        TOKEN_AUTH_MODE: 'bearer',
        TOKEN_API_KEYS: `${identity}:${BEARER_SECRET}`,
      }),
    },
  },
} as const satisfies Record<'helpdesk' | 'token', Record<string, BuiltinVariant>>;

export type HelpDeskVariant = keyof (typeof BUILTIN_VARIANTS)['helpdesk'];
export type TokenVariant = keyof (typeof BUILTIN_VARIANTS)['token'];

/** Variant names of one server, for schemas and messages. */
export function variantNames(server: 'helpdesk' | 'token'): string[] {
  return Object.keys(BUILTIN_VARIANTS[server]);
}

/** The extra environment a server's variant sets (empty for the plain builtin). */
export function variantEnv(server: 'helpdesk' | 'token', variant: string | undefined, identity: string) {
  if (variant === undefined) return {};
  const table = BUILTIN_VARIANTS[server] as Record<string, BuiltinVariant>;
  return table[variant]?.env(identity) ?? {};
}
