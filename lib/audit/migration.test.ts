import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, rowsOf } from '@/db/client';
import { MIGRATIONS_FOLDER, migrateDatabase } from '@/db/migrate';
import { verifyAuditChains } from './chain';

/** The migrations folder as it was before the audit trail (0014), for an upgrade test. */
function foldersBefore(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rollcall-migrations-'));
  fs.cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag === tag);
  journal.entries = journal.entries.slice(0, cut);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

describe('the audit-trail migration', () => {
  it('chains the rows an older database already holds, and moves their patient into its column', async () => {
    const before = foldersBefore('0014_audit_trail');
    // An in-memory PGlite of its own, whatever the suite runs on: this is about one upgrade.
    const handle = openDatabase({ databaseUrl: '', pgliteDir: 'memory://' });
    try {
      await migrateDatabase(handle, before);
      const patientId = '6f1c0c6e-3c1b-4d1e-9a43-1c2a7b7c0001';
      await handle.db.execute(sql`
        with c as (insert into clinics (name, slug, timezone) values ('Old', 'old', 'UTC') returning id)
        insert into audit_events (clinic_id, action, subject_type, subject_id, detail)
        select id, 'plan.assigned', 'plan', 'p1', ${JSON.stringify({ patientId })}::jsonb from c
        union all select id, 'patient.updated', 'patient', ${patientId}, null from c
        union all select id, 'clinic.settings_updated', 'clinic', id::text, null from c`);
      await migrateDatabase(handle);
      const rows = rowsOf<{ seq: number; patient_id: string | null }>(
        await handle.db.execute(sql`select seq::int as seq, patient_id from audit_events order by seq`),
      );
      expect(rows).toEqual([
        { seq: 1, patient_id: patientId },
        { seq: 2, patient_id: patientId },
        { seq: 3, patient_id: null },
      ]);
      expect(await verifyAuditChains(handle.db)).toMatchObject({ clinics: 1, rows: 3, ok: true });
    } finally {
      await handle.close();
      fs.rmSync(before, { recursive: true, force: true });
    }
  });
});
