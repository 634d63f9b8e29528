import 'server-only';
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { RateLimiterDrizzle } from 'rate-limiter-flexible';
import { db, executePrepared } from '@/db/client';
import { clinics, patientLinks, patients, rateLimits } from '@/db/schema';
import { type Failure, type Ok, fail, ok } from '@/lib/actions/result';
import { audit, auditRow } from '@/lib/audit';

/** 256 random bits, base64url: exactly 43 characters. Anything else is not a token. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

export type PatientAccess = {
  linkId: string;
  patientId: string;
  clinicId: string;
  timezone: string;
};

/** Whose plan a page shows: enough to read it, whether a link or a practitioner opened it. */
export type PatientScope = Pick<PatientAccess, 'patientId' | 'clinicId' | 'timezone'>;

export type ClinicContact = { slug: string; name: string; phone: string | null };

/** Why a link that exists no longer opens the plan. */
export type RefusalReason = 'revoked' | 'expired' | 'discharged';

type RefusedLink = { linkId: string; clinicId: string; patientId: string; reason: RefusalReason };

/**
 * A refused link still says which clinic to call, and whose link it was, when it matched one
 * (`link`, for the audit trail).
 */
export type TokenLookup =
  Ok<PatientAccess> | (Failure & { clinic: ClinicContact | null; patientId: string | null; link: RefusedLink | null });

const refused = (clinic: ClinicContact | null, link: RefusedLink | null = null): TokenLookup => ({
  ...fail('refused', 'This link no longer opens a plan.'),
  clinic,
  patientId: link?.patientId ?? null,
  link,
});

/**
 * Whether a phone keeps the link it already holds after opening one that was refused. A typo or
 * someone else's old link must not lock the patient out of their own plan; only a revoked or
 * expired link of the same patient (the clinic replaced their links) clears what the phone holds.
 */
export function keepsHeldLink(opened: TokenLookup, held: TokenLookup | null): boolean {
  if (opened.ok) return false;
  if (!held?.ok) return false;
  return opened.patientId !== held.value.patientId;
}

/**
 * Who a token belongs to, if it may still be used: not revoked, not expired, patient active.
 * A refused token that matched a link still tells which clinic to call.
 */
export async function lookupToken(token: string, now = new Date()): Promise<TokenLookup> {
  if (!TOKEN_PATTERN.test(token)) return refused(null);
  const [row] = await db()
    .select({
      linkId: patientLinks.id,
      patientId: patientLinks.patientId,
      clinicId: patientLinks.clinicId,
      revokedAt: patientLinks.revokedAt,
      expiresAt: patientLinks.expiresAt,
      status: patients.status,
      timezone: patients.timezone,
      clinicSlug: clinics.slug,
      clinicName: clinics.name,
      clinicPhone: clinics.phone,
    })
    .from(patientLinks)
    .innerJoin(patients, and(eq(patients.id, patientLinks.patientId), eq(patients.clinicId, patientLinks.clinicId)))
    .innerJoin(clinics, eq(clinics.id, patientLinks.clinicId))
    .where(eq(patientLinks.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return refused(null);
  const reason: RefusalReason | null = row.revokedAt
    ? 'revoked'
    : row.expiresAt && row.expiresAt <= now
      ? 'expired'
      : row.status !== 'active'
        ? 'discharged'
        : null;
  if (reason) {
    return refused(
      { slug: row.clinicSlug, name: row.clinicName, phone: row.clinicPhone },
      { linkId: row.linkId, clinicId: row.clinicId, patientId: row.patientId, reason },
    );
  }
  return ok({ linkId: row.linkId, patientId: row.patientId, clinicId: row.clinicId, timezone: row.timezone });
}

/**
 * Records that a link was used: an audit row each time (the patient opened the link, or their
 * plan page with the link's cookie), and the link's last use at most once a minute to keep
 * writes down; both in one statement.
 */
export async function touchLink(
  access: Pick<PatientAccess, 'linkId' | 'clinicId' | 'patientId'>,
  opened: 'link' | 'plan',
): Promise<void> {
  const row = await auditRow(access, {
    action: opened === 'link' ? 'patient_link.opened' : 'patient_link.plan_viewed',
    subjectType: 'patient_link',
    subjectId: access.linkId,
    patientId: access.patientId,
  });
  // One statement, so one round trip on every phone page view (it was a transaction of four):
  // last used at most once a minute, and the audit row, which takes the clinic's chain head last.
  await executePrepared(
    db(),
    sql`
      with touched as (
        update patient_links set last_used_at = now()
        where id = ${access.linkId}::uuid and (last_used_at is null or now() - last_used_at > interval '1 minute')
      )
      insert into audit_events (clinic_id, actor_link_id, patient_id, action, outcome, subject_type, subject_id, client_address)
      values (${row.clinicId}::uuid, ${row.actorLinkId}::uuid, ${row.patientId}::uuid, ${row.action}, 'ok',
              ${row.subjectType}, ${row.subjectId}, ${row.clientAddress ?? null}::text)`,
  );
}

/**
 * A link that exists was used after it stopped opening the plan (revoked, expired, or its patient
 * discharged): the audit trail records the refused access, in its clinic's chain. Unknown tokens
 * name no clinic; the guessing limit below counts those.
 */
export async function recordRefusedLink(found: TokenLookup, opened: 'link' | 'plan' | 'log'): Promise<void> {
  if (found.ok || !found.link) return;
  const { linkId, clinicId, patientId, reason } = found.link;
  await audit(
    db(),
    { clinicId, linkId },
    {
      action: 'patient_link.refused',
      outcome: 'denied',
      subjectType: 'patient_link',
      subjectId: linkId,
      patientId,
      detail: { reason, opened },
    },
  );
}

/** Unknown tokens from one address: 30 a minute, then 429. Shared by every instance. */
export const UNKNOWN_TOKEN_LIMIT = { points: 30, duration: 60 } as const;

const g = globalThis as { __rollcallLinkLimiter?: RateLimiterDrizzle };

function linkLimiter() {
  g.__rollcallLinkLimiter ??= new RateLimiterDrizzle({
    storeClient: db(),
    schema: rateLimits,
    keyPrefix: 'patient-link',
    points: UNKNOWN_TOKEN_LIMIT.points,
    duration: UNKNOWN_TOKEN_LIMIT.duration,
  });
  return g.__rollcallLinkLimiter;
}

/** Seconds to wait before this address may try tokens again; 0 when it may now. */
export async function unknownTokenRetryAfter(address: string): Promise<number> {
  const res = await linkLimiter().get(address);
  return res && res.consumedPoints >= UNKNOWN_TOKEN_LIMIT.points ? Math.ceil(res.msBeforeNext / 1000) : 0;
}

export async function recordUnknownToken(address: string): Promise<void> {
  await linkLimiter()
    .consume(address)
    .catch(() => undefined);
}

export async function clinicContactBySlug(slug: string): Promise<ClinicContact | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const [row] = await db()
    .select({ slug: clinics.slug, name: clinics.name, phone: clinics.phone })
    .from(clinics)
    .where(eq(clinics.slug, slug))
    .limit(1);
  return row ?? null;
}
