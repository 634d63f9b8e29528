import 'server-only';
import { eq } from 'drizzle-orm';
import type { JWT } from 'next-auth/jwt';
import { db } from '@/db/client';
import { users } from '@/db/schema';

/** Sessions end after this long without a request (the cookie's max age, refreshed by proxy.ts)... */
export const IDLE_TIMEOUT_SECONDS = 30 * 60;
/** ...and this long after sign-in, however active. */
export const ABSOLUTE_TIMEOUT_SECONDS = 12 * 60 * 60;

/**
 * Re-reads the account behind a session token on every request. Returns null (signed out)
 * when the session is older than 12 hours, the account is gone or disabled, or its session
 * version moved on (sign-out, disable or password change elsewhere).
 */
export async function refreshSessionToken(token: JWT, nowSeconds = Math.floor(Date.now() / 1000)): Promise<JWT | null> {
  if (!token.uid || !token.authTime || nowSeconds - token.authTime > ABSOLUTE_TIMEOUT_SECONDS) return null;
  const [current] = await db()
    .select({
      clinicId: users.clinicId,
      role: users.role,
      name: users.name,
      email: users.email,
      sessionVersion: users.sessionVersion,
      disabledAt: users.disabledAt,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(eq(users.id, token.uid))
    .limit(1);
  if (!current || current.disabledAt || current.sessionVersion !== token.sv) return null;
  return {
    ...token,
    cid: current.clinicId,
    role: current.role,
    name: current.name,
    email: current.email,
    mcp: current.mustChangePassword,
  };
}
