import pino from 'pino';
import { env } from '@/db/env';
import { isErrorLike, safeError, safeErrorLine } from '@/lib/safe-error';

// Structured logs. Callers log ids and outcomes only: never names, emails, notes or tokens. What
// slips through anyway is caught here: fields that may hold patient data are censored wherever
// they sit (top level or one down), and errors are logged without their messages (safe-error.ts).
const g = globalThis as { __rollcallLogger?: pino.Logger };

const PHI_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'patientName',
  'note',
  'notes',
  'email',
  'phone',
  'address',
  'token',
  'tokenHash',
  'params',
  'query',
  'password',
  'cookie',
  'authorization',
  'headers',
  'body',
];

export const REDACTED_PATHS = PHI_FIELDS.flatMap((field) => [field, `*.${field}`]);

/** An error object loses its message; a string under these keys is already an error's class name. */
const errorField = (value: unknown) => (typeof value === 'object' && value !== null ? safeError(value) : value);

/** The app's logger as configured here, writing to `destination` (stdout by default). */
export function createLogger(level: pino.LevelWithSilent, destination?: pino.DestinationStream): pino.Logger {
  return pino(options(level), destination);
}

const options = (level: pino.LevelWithSilent): pino.LoggerOptions => ({
  level,
  redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  serializers: { err: errorField, error: errorField, cause: errorField },
  hooks: {
    // `logger.error(error)` would take the error's message as the line's: keep only its class.
    logMethod(args, method) {
      const [first, ...rest] = args as unknown[];
      if (isErrorLike(first)) {
        const message = typeof rest[0] === 'string' ? rest[0] : safeErrorLine(first);
        return method.apply(this, [{ err: first }, message]);
      }
      return method.apply(this, args);
    },
  },
});

export const logger: pino.Logger = (g.__rollcallLogger ??= createLogger(
  process.env.NODE_ENV === 'test' ? 'silent' : env().LOG_LEVEL,
));
