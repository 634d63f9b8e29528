import 'server-only';
import crypto from 'node:crypto';
import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { RateLimiterDrizzle } from 'rate-limiter-flexible';
import { type Database, db } from '@/db/client';
import { clinics, patientLinks, patients, rateLimits } from '@/db/schema';
import { audit } from './audit';
import type { Actor } from './auth/guard';

/** 256 random bits, base64url: exactly 43 characters. Anything else is not a token. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export type LinkRow = {
  id: string;
  label: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

export async function linksOfPatient(actor: Actor, patientId: string): Promise<LinkRow[]> {
  return db()
    .select({
      id: patientLinks.id,
      label: patientLinks.label,
      createdAt: patientLinks.createdAt,
      expiresAt: patientLinks.expiresAt,
      revokedAt: patientLinks.revokedAt,
      lastUsedAt: patientLinks.lastUsedAt,
    })
    .from(patientLinks)
    .where(and(eq(patientLinks.patientId, patientId), eq(patientLinks.clinicId, actor.clinicId)))
    .orderBy(desc(patientLinks.createdAt));
}

async function insertLink(tx: Tx, actor: Actor, patientId: string, label: string, expiresAt: Date | null, token = newToken()) {
  const [row] = await tx
    .insert(patientLinks)
    .values({ clinicId: actor.clinicId, patientId, tokenHash: hashToken(token), label, expiresAt, createdBy: actor.userId })
    .returning({ id: patientLinks.id });
  await audit(tx, actor, { action: 'patient_link.created', subjectType: 'patient', subjectId: patientId, detail: { linkId: row!.id } });
  return { token, linkId: row!.id };
}

async function activePatient(tx: Tx | Database, actor: Actor, patientId: string) {
  const [patient] = await tx
    .select({ id: patients.id, status: patients.status })
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)))
    .limit(1);
  return patient ?? null;
}

export type LinkOutcome =
  | { ok: true; token: string; linkId: string }
  | { ok: false; code: 'not_found' | 'conflict'; message: string };

/** A new link. The token is returned once, here, and never stored. */
export async function createPatientLink(actor: Actor, patientId: string, input: { label: string; expiresInDays: number | null }): Promise<LinkOutcome> {
  return db().transaction(async (tx) => {
    const patient = await activePatient(tx, actor, patientId);
    if (!patient) return { ok: false, code: 'not_found', message: 'That patient is not in your clinic.' } as const;
    if (patient.status !== 'active') return { ok: false, code: 'conflict', message: 'Reactivate this patient before giving them a link.' } as const;
    const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
    return { ok: true, ...(await insertLink(tx, actor, patientId, input.label, expiresAt)) } as const;
  });
}

export async function revokePatientLink(actor: Actor, linkId: string) {
  return db().transaction(async (tx) => {
    const updated = await tx
      .update(patientLinks)
      .set({ revokedAt: sql`coalesce(${patientLinks.revokedAt}, now())` })
      .where(and(eq(patientLinks.id, linkId), eq(patientLinks.clinicId, actor.clinicId)))
      .returning({ patientId: patientLinks.patientId });
    if (!updated[0]) return { ok: false, code: 'not_found', message: 'That link is not in your clinic.' } as const;
    await audit(tx, actor, { action: 'patient_link.revoked', subjectType: 'patient', subjectId: updated[0].patientId, detail: { linkId } });
    return { ok: true } as const;
  });
}

/** Revokes every live link of a patient (inside the caller's transaction). */
export async function revokeAllLinks(tx: Tx, actor: Actor, patientId: string): Promise<number> {
  const revoked = await tx
    .update(patientLinks)
    .set({ revokedAt: new Date() })
    .where(and(eq(patientLinks.patientId, patientId), eq(patientLinks.clinicId, actor.clinicId), isNull(patientLinks.revokedAt)))
    .returning({ id: patientLinks.id });
  return revoked.length;
}

/** "Rotate": every existing link stops working and one new link is issued. */
export async function rotatePatientLinks(actor: Actor, patientId: string, label: string): Promise<LinkOutcome> {
  return db().transaction(async (tx) => {
    const patient = await activePatient(tx, actor, patientId);
    if (!patient) return { ok: false, code: 'not_found', message: 'That patient is not in your clinic.' } as const;
    if (patient.status !== 'active') return { ok: false, code: 'conflict', message: 'Reactivate this patient before giving them a link.' } as const;
    const revoked = await revokeAllLinks(tx, actor, patientId);
    await audit(tx, actor, { action: 'patient_link.rotated', subjectType: 'patient', subjectId: patientId, detail: { revoked } });
    return { ok: true, ...(await insertLink(tx, actor, patientId, label, null)) } as const;
  });
}

export type PatientAccess = {
  linkId: string;
  patientId: string;
  clinicId: string;
  timezone: string;
};

export type ClinicContact = { slug: string; name: string; phone: string | null };

export type TokenLookup = { ok: true; access: PatientAccess } | { ok: false; clinic: ClinicContact | null };

/**
 * Who a token belongs to, if it may still be used: not revoked, not expired, patient active.
 * A refused token that matched a link still tells which clinic to call.
 */
export async function lookupToken(token: string, now = new Date()): Promise<TokenLookup> {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, clinic: null };
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
  if (!row) return { ok: false, clinic: null };
  if (row.revokedAt || (row.expiresAt && row.expiresAt <= now) || row.status !== 'active') {
    return { ok: false, clinic: { slug: row.clinicSlug, name: row.clinicName, phone: row.clinicPhone } };
  }
  return { ok: true, access: { linkId: row.linkId, patientId: row.patientId, clinicId: row.clinicId, timezone: row.timezone } };
}

/** Records that a link was used; at most once a minute per link to keep writes down. */
export async function touchLink(linkId: string): Promise<void> {
  await db()
    .update(patientLinks)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(patientLinks.id, linkId), or(isNull(patientLinks.lastUsedAt), gt(sql`now() - ${patientLinks.lastUsedAt}`, sql`interval '1 minute'`))));
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
  const [row] = await db().select({ slug: clinics.slug, name: clinics.name, phone: clinics.phone }).from(clinics).where(eq(clinics.slug, slug)).limit(1);
  return row ?? null;
}
