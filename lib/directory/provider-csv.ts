import 'server-only';
import { parse } from 'csv-parse/sync';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { type ProviderDiscipline, providers } from '@/db/schema';
import { type Result, fail, ok } from '@/lib/actions/result';
import type { Actor } from '@/lib/auth/guard';
import { audit } from '@/lib/audit';
import { GUARDED_FORMULA, toCsv } from '@/lib/http/csv';
import { ensureClinicEntry } from './clinic-entry';
import { type ProviderFields, type ProviderInput, providerSchema } from './provider-schema';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

/** The columns export writes and import reads, in order, with the field each one fills. */
export const PROVIDER_CSV_COLUMNS = [
  ['name', 'name'],
  ['discipline', 'discipline'],
  ['organisation', 'organisation'],
  ['address', 'address'],
  ['phone', 'phone'],
  ['email', 'email'],
  ['website', 'website'],
  ['languages', 'languages'],
  ['accepting_new_patients', 'acceptingNewPatients'],
  ['opening_hours', 'openingHours'],
  ['tags', 'tags'],
  ['internal_notes', 'internalNotes'],
] as const satisfies readonly (readonly [string, keyof ProviderFields])[];

const onlyAdmins = (actor: Actor, what: string) =>
  actor.role === 'admin' ? null : fail('forbidden', `Only an admin can ${what} the referral directory.`);

/**
 * The clinic's active directory as CSV, in the columns import takes (so an export can be edited
 * and imported elsewhere). The clinic's own entry comes from its settings and is left out.
 */
export async function providersCsv(actor: Actor): Promise<Result<string>> {
  const refused = onlyAdmins(actor, 'export');
  if (refused) return refused;
  const rows = await db()
    .select()
    .from(providers)
    .where(and(eq(providers.clinicId, actor.clinicId), isNull(providers.archivedAt), eq(providers.isClinic, false)))
    .orderBy(asc(sql`lower(${providers.name})`), asc(providers.id));
  return ok(
    toCsv(
      PROVIDER_CSV_COLUMNS.map(([column]) => column),
      rows.map((p) => [
        p.name,
        p.discipline,
        p.organisation,
        p.address,
        p.phone,
        p.email,
        p.website,
        p.languages.join(', '),
        p.acceptingNewPatients ? 'yes' : 'no',
        p.openingHours,
        p.tags.join(', '),
        p.internalNotes,
      ]),
    ),
  );
}

/** A row the import would add, as the preview lists it. */
export type ImportRow = {
  row: number;
  name: string;
  discipline: ProviderDiscipline;
  organisation: string | null;
  /** Not a refusal: the admin decides whether a second entry by this name is wanted. */
  duplicate: 'in_directory' | 'in_file' | null;
};

export type ImportPreview = {
  fileName: string;
  add: ImportRow[];
  /** Every row that would be refused, by its row number in a spreadsheet (the header is row 1). */
  reject: { row: number; messages: string[] }[];
  ignoredColumns: string[];
};

export const csvUploadSchema = z.object({
  file: z
    .instanceof(File, { error: 'Choose a CSV file to import.' })
    .refine((f) => f.size > 0, 'Choose a CSV file to import: this one is empty.')
    .refine((f) => f.size <= MAX_IMPORT_BYTES, 'That file is over 5 MB: split it and import each part.'),
});

const columnKey = (header: string) => header.toLowerCase().replace(/[^a-z]/g, '');
const FIELD_BY_KEY = new Map<string, keyof ProviderFields>(
  PROVIDER_CSV_COLUMNS.map(([column, field]) => [columnKey(column), field]),
);

const count = (n: number) => new Intl.NumberFormat('en').format(n);

const notCsv = (message: string) => fail('invalid', message, { file: [message] });

/** Export guards cells a spreadsheet would run as formulas with an apostrophe; import takes it off. */
const unguard = (cell: string) => (GUARDED_FORMULA.test(cell) ? cell.slice(1) : cell);

type Parsed = { preview: ImportPreview; inputs: ProviderInput[] };

async function readUpload(actor: Actor, file: File): Promise<Result<Parsed>> {
  const parsedFile = csvUploadSchema.safeParse({ file });
  if (!parsedFile.success) return notCsv(parsedFile.error.issues[0]?.message ?? 'Choose a CSV file to import.');
  if (!/\.(csv|txt)$/i.test(file.name) && !/^text\/(csv|plain)/.test(file.type))
    return notCsv('That is not a CSV file: choose a file ending in .csv.');
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.includes(0)) return notCsv('That is not a CSV file: it holds binary data.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return notCsv('That file is not UTF-8 text: save it from your spreadsheet as “CSV UTF-8” and try again.');
  }
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (error) {
    return notCsv(`That file is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) return notCsv('That file is empty: it needs a header row and one row per provider.');
  const fields = header.map((h) => FIELD_BY_KEY.get(columnKey(h)) ?? null);
  if (!fields.includes('name') || !fields.includes('discipline'))
    return notCsv(
      `The header row needs at least the columns name and discipline (it may have ${PROVIDER_CSV_COLUMNS.map(([c]) => c).join(', ')}).`,
    );
  if (rows.length === 0) return notCsv('That file has a header row but no providers under it.');
  if (rows.length > MAX_IMPORT_ROWS)
    return notCsv(`That file has ${count(rows.length)} rows; import at most ${count(MAX_IMPORT_ROWS)} at a time.`);

  const existing = new Set(
    (
      await db()
        .select({ name: sql<string>`lower(${providers.name})` })
        .from(providers)
        .where(and(eq(providers.clinicId, actor.clinicId), isNull(providers.archivedAt)))
    ).map((r) => r.name),
  );
  const seen = new Set<string>();
  const preview: ImportPreview = {
    fileName: file.name.slice(0, 200),
    add: [],
    reject: [],
    ignoredColumns: header.filter((_, i) => fields[i] === null).map((h) => h.slice(0, 50)),
  };
  const inputs: ProviderInput[] = [];
  rows.forEach((cells, i) => {
    const row = i + 2;
    const raw: Partial<ProviderFields> = {};
    fields.forEach((field, c) => {
      if (field) raw[field] = unguard(cells[c] ?? '');
    });
    const parsed = providerSchema.safeParse(raw);
    if (!parsed.success) {
      preview.reject.push({
        row,
        messages: parsed.error.issues.map((issue) => `${columnOf(issue.path[0])}: ${issue.message}`),
      });
      return;
    }
    const key = parsed.data.name.toLowerCase();
    preview.add.push({
      row,
      name: parsed.data.name,
      discipline: parsed.data.discipline,
      organisation: parsed.data.organisation,
      duplicate: existing.has(key) ? 'in_directory' : seen.has(key) ? 'in_file' : null,
    });
    seen.add(key);
    inputs.push(parsed.data);
  });
  return ok({ preview, inputs });
}

const columnOf = (field: PropertyKey | undefined) =>
  PROVIDER_CSV_COLUMNS.find(([, f]) => f === field)?.[0] ?? String(field ?? 'row');

/** What an import of this file would add and refuse, row by row. Changes nothing. */
export async function previewProviderImport(actor: Actor, file: File): Promise<Result<ImportPreview>> {
  const refused = onlyAdmins(actor, 'import into');
  if (refused) return refused;
  const read = await readUpload(actor, file);
  return read.ok ? ok(read.value.preview) : read;
}

/**
 * Adds every row of the file in one transaction, or nothing: one refused row and no row is
 * imported. The file is read again here, never trusted from the preview.
 */
export async function importProviders(actor: Actor, file: File): Promise<Result<{ imported: number }>> {
  const refused = onlyAdmins(actor, 'import into');
  if (refused) return refused;
  const read = await readUpload(actor, file);
  if (!read.ok) return read;
  const { preview, inputs } = read.value;
  if (preview.reject.length > 0) {
    const message = `${preview.reject.length} ${preview.reject.length === 1 ? 'row needs' : 'rows need'} fixing, so nothing was imported.`;
    return fail('invalid', message, { file: [message] });
  }
  return db().transaction(async (tx) => {
    await ensureClinicEntry(tx, actor.clinicId);
    for (let i = 0; i < inputs.length; i += 500) {
      await tx
        .insert(providers)
        .values(inputs.slice(i, i + 500).map((input) => ({ ...input, clinicId: actor.clinicId })));
    }
    await audit(tx, actor, {
      action: 'provider.imported',
      subjectType: 'provider',
      detail: { rows: inputs.length },
    });
    return ok({ imported: inputs.length });
  });
}
