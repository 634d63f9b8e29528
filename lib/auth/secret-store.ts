import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const SECRET_FILE = path.join(process.cwd(), '.data', 'auth-secret');

/**
 * The signing key kept in .data/auth-secret (owner-only), generated the first time. Used when
 * AUTH_SECRET is unset; `npm start` reads it once before starting several server processes, so
 * they all sign with the same key.
 */
export function storedSecret(file = SECRET_FILE): { secret: string; created: boolean } {
  let secret: string;
  try {
    // The file is named at run time, never a project path to trace into the build.
    secret = fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8').trim();
  } catch {
    secret = '';
  }
  if (secret.length >= 32) return { secret, created: false };
  secret = crypto.randomBytes(48).toString('base64url');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return { secret, created: true };
}
