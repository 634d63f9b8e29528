import 'server-only';
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '@/db/client';

/** The chain of the rows with no clinic (failed sign-ins with an email no account has). */
export const NO_CLINIC_CHAIN = 'none';
/** What the first row of every chain links back to. */
export const GENESIS_HASH = '0'.repeat(64);

/** One audit row as the database renders each hashed field (timestamps in UTC to the microsecond). */
export type HashedFields = {
  id: string;
  seq: string;
  clinicId: string | null;
  createdAt: string;
  actorUserId: string | null;
  actorLinkId: string | null;
  patientId: string | null;
  action: string;
  outcome: string;
  subjectType: string;
  subjectId: string | null;
  detail: string | null;
  clientAddress: string | null;
};

const field = (value: string | null) => (value === null ? '-' : `${Buffer.byteLength(value, 'utf8')}:${value}`);

/**
 * The row's hash as the insert trigger computes it (rollcall_audit_hash in
 * db/migrations/0014_audit_trail.sql), rebuilt here so the check does not trust that function.
 */
export function auditRowHash(prevHash: string, row: HashedFields): string {
  const text =
    prevHash +
    [
      row.id,
      row.seq,
      row.clinicId,
      row.createdAt,
      row.actorUserId,
      row.actorLinkId,
      row.patientId,
      row.action,
      row.outcome,
      row.subjectType,
      row.subjectId,
      row.detail,
      row.clientAddress,
    ]
      .map(field)
      .join('');
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

export type BrokenLink = { clinicId: string | null; id: string | null; reason: string };
export type ChainReport = { clinics: number; rows: number; ok: boolean; broken: BrokenLink[] };

type StoredRow = HashedFields & { prevHash: string; hash: string };

const BATCH = 5_000;

async function chainKeys(database: Database): Promise<string[]> {
  const result = await database.execute(sql`
    select chain from audit_chain_heads
    union
    select distinct coalesce(clinic_id::text, ${NO_CLINIC_CHAIN}) from audit_events
    order by 1`);
  return rowsOf<{ chain: string }>(result).map((r) => r.chain);
}

async function rowsAfter(database: Database, chain: string, afterSeq: number): Promise<StoredRow[]> {
  const clinic = chain === NO_CLINIC_CHAIN ? sql`clinic_id is null` : sql`clinic_id = ${chain}::uuid`;
  const result = await database.execute(sql`
    select id::text as "id", seq::text as "seq", clinic_id::text as "clinicId",
           to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdAt",
           actor_user_id::text as "actorUserId", actor_link_id::text as "actorLinkId", patient_id::text as "patientId",
           action, outcome, subject_type as "subjectType", subject_id as "subjectId", detail::text as "detail",
           client_address as "clientAddress", prev_hash as "prevHash", hash
    from audit_events where ${clinic} and seq > ${afterSeq}
    order by audit_events.seq limit ${BATCH}`);
  return rowsOf<StoredRow>(result);
}

/**
 * Recomputes every chain: each row's hash from its fields, its link to the row before, no gap in
 * the numbering, and the last row against the chain's head (so removing the newest rows shows).
 * Reads in batches, so a long trail never sits in memory whole.
 */
export async function verifyAuditChains(database: Database): Promise<ChainReport> {
  const broken: BrokenLink[] = [];
  const chains = await chainKeys(database);
  let rows = 0;
  for (const chain of chains) {
    const clinicId = chain === NO_CLINIC_CHAIN ? null : chain;
    let seq = 0;
    let prev = GENESIS_HASH;
    let lastId: string | null = null;
    for (;;) {
      const batch = await rowsAfter(database, chain, seq);
      for (const row of batch) {
        rows++;
        const expectedSeq = seq + 1;
        if (Number(row.seq) !== expectedSeq) {
          broken.push({
            clinicId,
            id: row.id,
            reason: `rows ${expectedSeq}–${Number(row.seq) - 1} of the chain are missing before this one`,
          });
        } else if (row.prevHash !== prev) {
          broken.push({ clinicId, id: row.id, reason: 'does not link to the row before it' });
        }
        if (auditRowHash(row.prevHash, row) !== row.hash) {
          broken.push({ clinicId, id: row.id, reason: 'its fields no longer match its hash (edited)' });
        }
        seq = Number(row.seq);
        prev = row.hash;
        lastId = row.id;
      }
      if (batch.length < BATCH) break;
    }
    const [head] = rowsOf<{ seq: string; hash: string }>(
      await database.execute(sql`select seq::text as seq, hash from audit_chain_heads where chain = ${chain}`),
    );
    if (!head) {
      broken.push({ clinicId, id: lastId, reason: 'the chain has no head' });
    } else if (Number(head.seq) !== seq || head.hash !== prev) {
      broken.push({
        clinicId,
        id: lastId,
        reason: `the chain ends at row ${seq} but its head is at ${head.seq} (newest rows removed)`,
      });
    }
  }
  return { clinics: chains.length, rows, ok: broken.length === 0, broken };
}
