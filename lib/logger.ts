import pino from 'pino';
import { env } from '@/db/env';

// Structured logs. Callers log ids and outcomes only: never names, emails, notes or tokens.
const g = globalThis as { __rollcallLogger?: pino.Logger };

export const logger: pino.Logger = (g.__rollcallLogger ??= pino({
  level: process.env.NODE_ENV === 'test' ? 'silent' : env().LOG_LEVEL,
  redact: {
    paths: ['password', '*.password', 'email', '*.email', 'token', '*.token', 'authorization', 'cookie'],
    censor: '[redacted]',
  },
}));
