import 'server-only';
import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { type ProviderDiscipline, providers } from '@/db/schema';
import { searchTextSql } from '@/db/search-text';
import { type Result, fail, ok } from '@/lib/actions/result';
import type { Actor } from '@/lib/auth/guard';
import { audit } from '@/lib/audit';
import { ensureClinicEntry } from './clinic-entry';
import type { DirectoryQuery, ProviderInput } from './provider-schema';

/** A directory entry as practitioners read it. Internal notes included: never hand this to a patient's page. */
export type Provider = {
  id: string;
  name: string;
  discipline: ProviderDiscipline;
  organisation: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  languages: string[];
  acceptingNewPatients: boolean;
  openingHours: string | null;
  tags: string[];
  internalNotes: string | null;
  isClinic: boolean;
  archivedAt: string | null;
  updatedAt: string;
};

const columns = {
  id: providers.id,
  name: providers.name,
  discipline: providers.discipline,
  organisation: providers.organisation,
  address: providers.address,
  phone: providers.phone,
  email: providers.email,
  website: providers.website,
  languages: providers.languages,
  acceptingNewPatients: providers.acceptingNewPatients,
  openingHours: providers.openingHours,
  tags: providers.tags,
  internalNotes: providers.internalNotes,
  isClinic: providers.isClinic,
  archivedAt: providers.archivedAt,
  updatedAt: providers.updatedAt,
};

type Row = { archivedAt: Date | null; updatedAt: Date } & Omit<Provider, 'archivedAt' | 'updatedAt'>;

const toProvider = (r: Row): Provider => ({
  ...r,
  archivedAt: r.archivedAt?.toISOString() ?? null,
  updatedAt: r.updatedAt.toISOString(),
});

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const inClinic = (actor: Actor, id: string) => and(eq(providers.id, id), eq(providers.clinicId, actor.clinicId));

/** One page of the clinic's directory, filtered, sorted and counted in SQL. */
export async function directoryPage(actor: Actor, query: DirectoryQuery): Promise<{ rows: Provider[]; total: number }> {
  await ensureClinicEntry(db(), actor.clinicId);
  const filters: SQL[] = [eq(providers.clinicId, actor.clinicId)];
  if (!query.archived) filters.push(isNull(providers.archivedAt));
  if (query.discipline) filters.push(eq(providers.discipline, query.discipline));
  if (query.accepting) filters.push(eq(providers.acceptingNewPatients, query.accepting === 'yes'));
  if (query.language)
    filters.push(
      sql`exists (select 1 from unnest(${providers.languages}) l where lower(l) = lower(${query.language}))`,
    );
  if (query.tag) filters.push(sql`${query.tag} = any(${providers.tags})`);
  if (query.q) {
    // Name, organisation, address or tags, whatever the apostrophes, accents or case. The stored
    // search_text holds name, organisation and address (the migration leaves tags out: array_to_string
    // is not immutable), so tags are searched beside it.
    const typed = searchTextSql(sql`${escapeLike(query.q)}::text`);
    filters.push(
      sql`(${providers.searchText} like '%' || ${typed} || '%' or exists (select 1 from unnest(${providers.tags}) t where ${searchTextSql(sql`t`)} like '%' || ${typed} || '%'))`,
    );
  }
  const where = and(...filters)!;
  const direction = query.dir === 'desc' ? desc : asc;
  const sortColumn = {
    name: sql`lower(${providers.name})`,
    discipline: providers.discipline,
    organisation: sql`lower(${providers.organisation})`,
    updated: providers.updatedAt,
  }[query.sort];
  const order = [
    // Entries without an organisation sort last whichever way.
    query.sort === 'organisation' ? sql`${providers.organisation} is null` : undefined,
    direction(sortColumn),
    query.sort !== 'name' ? asc(sql`lower(${providers.name})`) : undefined,
    asc(providers.id),
  ].filter((o): o is SQL => o !== undefined);
  const [rows, [count]] = await Promise.all([
    db()
      .select(columns)
      .from(providers)
      .where(where)
      .orderBy(...order)
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db()
      .select({ n: sql<number>`count(*)::int` })
      .from(providers)
      .where(where),
  ]);
  return { rows: rows.map(toProvider), total: count?.n ?? 0 };
}

/** The languages and tags the clinic's active entries use, for the filter pickers. */
export async function directoryVocabulary(actor: Actor): Promise<{ languages: string[]; tags: string[] }> {
  const [row] = await db()
    .select({
      languages: sql<
        string[]
      >`coalesce(array(select distinct l from ${providers} p, unnest(p.languages) l where p.clinic_id = ${actor.clinicId} and p.archived_at is null order by l), '{}')`,
      tags: sql<
        string[]
      >`coalesce(array(select distinct t from ${providers} p, unnest(p.tags) t where p.clinic_id = ${actor.clinicId} and p.archived_at is null order by t), '{}')`,
    })
    .from(sql`(select 1) as one`);
  return { languages: row?.languages ?? [], tags: row?.tags ?? [] };
}

/**
 * One entry of the caller's clinic, archived ones too (a referral to them stays readable), or
 * null: another clinic's id looks exactly like one that does not exist.
 */
export async function providerById(actor: Actor, id: string): Promise<Provider | null> {
  const [row] = await db().select(columns).from(providers).where(inClinic(actor, id)).limit(1);
  return row ? toProvider(row) : null;
}

const adminOnly = (actor: Actor) =>
  actor.role === 'admin' ? null : fail('forbidden', 'Only an admin can change the referral directory.');

/** Adds an entry to the caller's clinic's directory, with an audit entry in the same transaction. */
export async function addProvider(actor: Actor, input: ProviderInput): Promise<Result<{ id: string }>> {
  const refused = adminOnly(actor);
  if (refused) return refused;
  return db().transaction(async (tx) => {
    await ensureClinicEntry(tx, actor.clinicId);
    const [row] = await tx
      .insert(providers)
      .values({ ...input, clinicId: actor.clinicId })
      .returning({ id: providers.id });
    if (!row) throw new Error('provider not inserted');
    await audit(tx, actor, {
      action: 'provider.added',
      subjectType: 'provider',
      subjectId: row.id,
      detail: { discipline: input.discipline },
    });
    return ok({ id: row.id });
  });
}

/** Saves an entry's details; records which fields changed. Another clinic's id is not found. */
export async function updateProvider(actor: Actor, id: string, input: ProviderInput): Promise<Result> {
  const refused = adminOnly(actor);
  if (refused) return refused;
  return db().transaction(async (tx) => {
    const [before] = await tx.select().from(providers).where(inClinic(actor, id)).for('update');
    if (!before) return fail('not_found', 'That provider is not in your clinic’s directory.');
    const changed = (Object.keys(input) as (keyof ProviderInput)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(input[k]),
    );
    if (changed.length === 0) return ok();
    await tx
      .update(providers)
      .set({ ...input, updatedAt: new Date() })
      .where(inClinic(actor, id));
    await audit(tx, actor, { action: 'provider.updated', subjectType: 'provider', subjectId: id, detail: { changed } });
    return ok();
  });
}

/** Takes an entry out of the directory and the referral picker; past referrals still show it. */
export async function archiveProvider(actor: Actor, id: string): Promise<Result> {
  return setArchived(actor, id, true);
}

/** Puts an archived entry back. */
export async function restoreProvider(actor: Actor, id: string): Promise<Result> {
  return setArchived(actor, id, false);
}

async function setArchived(actor: Actor, id: string, archive: boolean): Promise<Result> {
  const refused = adminOnly(actor);
  if (refused) return refused;
  return db().transaction(async (tx) => {
    const [before] = await tx
      .select({ isClinic: providers.isClinic, archivedAt: providers.archivedAt })
      .from(providers)
      .where(inClinic(actor, id))
      .for('update');
    if (!before) return fail('not_found', 'That provider is not in your clinic’s directory.');
    if (archive && before.isClinic)
      return fail('conflict', 'Your clinic’s own entry stays in the directory: patients always see it.');
    if ((before.archivedAt !== null) === archive) return ok();
    await tx
      .update(providers)
      .set({ archivedAt: archive ? new Date() : null, updatedAt: new Date() })
      .where(and(inClinic(actor, id), archive ? isNull(providers.archivedAt) : isNotNull(providers.archivedAt)));
    await audit(tx, actor, {
      action: archive ? 'provider.archived' : 'provider.restored',
      subjectType: 'provider',
      subjectId: id,
    });
    return ok();
  });
}

export type ProviderChoice = {
  id: string;
  name: string;
  discipline: ProviderDiscipline;
  organisation: string | null;
  acceptingNewPatients: boolean;
  isClinic: boolean;
};

/** The referral form's picker: the clinic's active entries, its own entry first, then by name. */
export async function providersForReferral(actor: Actor): Promise<ProviderChoice[]> {
  await ensureClinicEntry(db(), actor.clinicId);
  return db()
    .select({
      id: providers.id,
      name: providers.name,
      discipline: providers.discipline,
      organisation: providers.organisation,
      acceptingNewPatients: providers.acceptingNewPatients,
      isClinic: providers.isClinic,
    })
    .from(providers)
    .where(and(eq(providers.clinicId, actor.clinicId), isNull(providers.archivedAt)))
    .orderBy(desc(providers.isClinic), asc(sql`lower(${providers.name})`), asc(providers.id));
}
