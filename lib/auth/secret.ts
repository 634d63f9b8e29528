import 'server-only';
import path from 'node:path';
import { logger } from '@/lib/logger';
import { SECRET_FILE, storedSecret } from './secret-store';

/**
 * The key that signs session cookies. Taken from AUTH_SECRET; otherwise generated once,
 * kept in .data/auth-secret (owner-only) and reused, so sessions survive a restart.
 * There is deliberately no constant fallback.
 */
export function authSecret(): string {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const { secret, created } = storedSecret();
  if (created) {
    logger.warn(
      { file: path.relative(process.cwd(), SECRET_FILE) },
      'AUTH_SECRET is not set: generated a random one and stored it (mode 0600). Set AUTH_SECRET when running several instances.',
    );
  }
  process.env.AUTH_SECRET = secret;
  return secret;
}
