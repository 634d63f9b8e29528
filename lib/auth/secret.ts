import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { logger } from '@/lib/logger';

const SECRET_FILE = path.join(process.cwd(), '.data', 'auth-secret');

/**
 * The key that signs session cookies. Taken from AUTH_SECRET; otherwise generated once,
 * kept in .data/auth-secret (owner-only) and reused, so sessions survive a restart.
 * There is deliberately no constant fallback.
 */
export function authSecret(): string {
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) return fromEnv;
  let secret: string;
  try {
    secret = fs.readFileSync(SECRET_FILE, 'utf8').trim();
  } catch {
    secret = '';
  }
  if (secret.length < 32) {
    secret = crypto.randomBytes(48).toString('base64url');
    fs.mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    fs.writeFileSync(SECRET_FILE, `${secret}\n`, { mode: 0o600 });
    fs.chmodSync(SECRET_FILE, 0o600);
    logger.warn(
      { file: path.relative(process.cwd(), SECRET_FILE) },
      'AUTH_SECRET is not set: generated a random one and stored it (mode 0600). Set AUTH_SECRET when running several instances.',
    );
  }
  process.env.AUTH_SECRET = secret;
  return secret;
}
