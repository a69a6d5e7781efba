/**
 * Thrown by the servers' config loaders. The message is ONE line that names the variable,
 * so a start file can print it and exit without a stack trace.
 *
 * @example
 * new ConfigError('TWILIO_ACCOUNT_SID', 'must be "AC" followed by 32 hex digits')
 * // message: 'TWILIO_ACCOUNT_SID must be "AC" followed by 32 hex digits'
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** The environment variable at fault. */
  readonly variable: string;

  constructor(variable: string, problem: string) {
    super(`${variable} ${problem}`);
    this.variable = variable;
  }
}
