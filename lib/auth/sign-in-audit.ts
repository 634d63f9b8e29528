import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { audit } from '@/lib/audit';

/** Why a sign-in did not happen, as the audit trail records it (never the email or password tried). */
export type SignInRefusal = 'unknown_account' | 'wrong_password' | 'disabled' | 'rate_limited';

type Account = { id: string; clinicId: string } | null | undefined;

/**
 * A refused sign-in, in the clinic of the account the email named. An email no account has names
 * no clinic: that row goes to the chain without one, which no clinic's admin sees, and keeps
 * neither the email nor a hash of it (a hash of an email is as good as the email to anyone who
 * can guess it).
 */
export async function recordSignInRefused(account: Account, reason: SignInRefusal, address: string) {
  await audit(
    db(),
    { clinicId: account?.clinicId ?? null, userId: account?.id ?? null },
    {
      action: 'session.sign_in_refused',
      outcome: reason === 'rate_limited' ? 'denied' : 'failed',
      subjectType: 'user',
      subjectId: account?.id ?? null,
      detail: { reason },
      address,
    },
  );
}

/** The same, when only the email is known yet (the limit is checked before the account is read). */
export async function recordSignInRateLimited(email: string, address: string) {
  const [account] = await db()
    .select({ id: users.id, clinicId: users.clinicId })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  await recordSignInRefused(account, 'rate_limited', address);
}

/** A sign-in: the account's last sign-in and its audit row, together. */
export async function recordSignIn(account: { id: string; clinicId: string }, address: string) {
  await db().transaction(async (tx) => {
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, account.id));
    await audit(
      tx,
      { clinicId: account.clinicId, userId: account.id },
      { action: 'session.signed_in', subjectType: 'user', subjectId: account.id, address },
    );
  });
}
