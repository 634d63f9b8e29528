import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import type { Role } from '@/db/schema';
import { recordDenied } from '@/lib/audit/reads';
import { currentSessionToken } from './auth';

/** Who is asking. Every query below a page or action is scoped by `clinicId` from here. */
export type Actor = {
  userId: string;
  clinicId: string;
  role: Role;
  name: string;
  email: string;
  mustChangePassword: boolean;
};

/** The signed-in practitioner, or null. For route handlers that answer 401 themselves. */
export async function currentActor(): Promise<Actor | null> {
  const token = await currentSessionToken();
  if (!token?.uid || !token.cid || !token.role) return null;
  return {
    userId: token.uid,
    clinicId: token.cid,
    role: token.role,
    name: token.name ?? '',
    email: token.email ?? '',
    mustChangePassword: token.mcp ?? false,
  };
}

/**
 * For pages and server actions: a signed-in practitioner or a redirect to sign-in. Someone who
 * still has a temporary password is sent to change it before anything else.
 */
export async function requirePractitioner(options: { allowPendingPasswordChange?: boolean } = {}): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  if (actor.mustChangePassword && !options.allowPendingPasswordChange) redirect('/account/password');
  return actor;
}

/** Like requirePractitioner, and the clinic's admin role; others get a 403 page, recorded in the audit trail. */
export async function requireAdmin(): Promise<Actor> {
  const actor = await requirePractitioner();
  if (actor.role !== 'admin') {
    await recordDenied(actor.clinicId, actor.userId, 'admin_only', 'admin', null);
    forbidden();
  }
  return actor;
}
