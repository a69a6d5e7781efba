/** Valid environments for the two loaders; tests override single variables. */
export const TOKEN_ENV = {
  TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
  TWILIO_AUTH_TOKEN: 'fedcba9876543210fedcba9876543210',
  TWILIO_TWIML_APP_SID: 'AP0123456789abcdef0123456789abcdef',
  TWILIO_API_KEY_SID: 'SK0123456789abcdef0123456789abcdef',
  TWILIO_API_KEY_SECRET: 'apiKeySecretValue0123456789ABCDEF',
  TWILIO_PUSH_CREDENTIAL_SID: 'CR0123456789abcdef0123456789abcdef',
  TOKEN_AUTH_MODE: 'bearer',
  TOKEN_API_KEYS: 'alice:alice-secret-0123456789,bob:bob-secret-0123456789ab',
} as const;

export const HELPDESK_ENV = {
  TWILIO_AUTH_TOKEN: 'fedcba9876543210fedcba9876543210',
  HELPDESK_PUBLIC_URL: 'https://help.example.com',
  HELPDESK_DB_PATH: ':memory:',
} as const;
