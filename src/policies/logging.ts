// Logging: one info line per failed call (outside the retries, so it counts them), and at debug level
// one line per attempt and per response (inside them, after auth and trace headers, so the line shows
// the headers as sent — redacted on the way out). Lines for a level that is off are never formatted:
// below that level the policy is not in the pipeline at all, and its code (./logging-step.ts) is loaded on
// a client's first call only at level info or debug.
import { envValue, ENV_VARS } from '../env.js';
import { ConfigError } from '../errors.js';
import { lazyStep } from '../load-once.js';
import {
  DEFAULT_REDACT_KEYS,
  isLogLevel,
  LOG_LEVELS,
  type LevelledLogger,
  type Logger,
  type LogLevel,
} from '../logging.js';
import type { Outcome } from '../transport/attempt.js';
import type { CallContext, Next } from './policy.js';

/** Options of the logging policy. */
export interface LoggingPolicyOptions {
  /** Log level. Env: `USER_MGMT_LOG`. @default 'warn' */
  logLevel?: LogLevel | undefined;
  /** Where log lines go: any console- or pino-shaped object. @default console */
  logger?: Logger | undefined;
  /** Body fields and query parameters to redact in logs (substring match, case-insensitive). @default password, token, secret, apikey, api_key, authorization, client_secret */
  redactKeys?: readonly string[] | undefined;
}

/** Defaults of the logging policy. */
export const LOGGING_DEFAULTS = Object.freeze({
  /** Log level. */
  logLevel: 'warn' as const satisfies LogLevel,
  /** Body fields and query parameters redacted in logs. */
  redactKeys: DEFAULT_REDACT_KEYS,
});

/** The logging policy's options, resolved. */
export interface ResolvedLogging {
  readonly logLevel: LogLevel;
  readonly logger: Logger;
  readonly redactKeys: readonly string[];
}

export function resolveLogging(options: LoggingPolicyOptions): ResolvedLogging {
  const logLevel: unknown = options.logLevel ?? envValue('logLevel') ?? LOGGING_DEFAULTS.logLevel;
  if (!isLogLevel(logLevel)) {
    const from = options.logLevel === undefined ? ` (from ${ENV_VARS.logLevel})` : '';
    throw new ConfigError(
      `Unknown log level "${String(logLevel)}"${from}; use one of ${LOG_LEVELS.join(', ')}.`,
    );
  }
  const logger: Logger = options.logger ?? globalThis.console;
  for (const m of ['error', 'warn', 'info', 'debug'] as const) {
    if (typeof (logger as unknown as Record<string, unknown>)[m] !== 'function') {
      throw new ConfigError(`logger must have error, warn, info and debug methods; "${m}" is missing.`);
    }
  }
  const redactKeys: unknown = options.redactKeys ?? LOGGING_DEFAULTS.redactKeys;
  if (
    !Array.isArray(redactKeys) ||
    !redactKeys.every((k): k is string => typeof k === 'string' && k.length > 0)
  ) {
    throw new ConfigError('redactKeys must be an array of non-empty strings.');
  }
  return { logLevel, logger, redactKeys: Object.freeze([...redactKeys]) };
}

/** The info line of a call that failed for good, with its attempts and time (see ./logging-step.ts). */
export function logCallPolicy(
  log: LevelledLogger,
  now: () => number,
): (ctx: CallContext, next: Next) => Promise<Outcome> {
  return lazyStep('logging', async () => (await import('./logging-step.js')).createLogCallStep(log, now));
}

/** The debug lines of one attempt: what is sent, and what came back in how long (see ./logging-step.ts). */
export function logAttemptPolicy(
  log: LevelledLogger,
  now: () => number,
): (ctx: CallContext, next: Next) => Promise<Outcome> {
  return lazyStep('logging', async () => (await import('./logging-step.js')).createLogAttemptStep(log, now));
}
