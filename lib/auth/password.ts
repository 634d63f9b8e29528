import 'server-only';
import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default) with OWASP's minimum recommended cost: 19 MiB, 2 passes.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummy: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no stored hash (unknown email) it checks
 * against a throwaway hash so the answer takes as long as for a real account.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  dummy ??= hashPassword('rollcall-timing-equaliser');
  const target = storedHash ?? (await dummy);
  try {
    const ok = await verify(target, password);
    return storedHash ? ok : false;
  } catch {
    return false;
  }
}
