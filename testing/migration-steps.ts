import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS_FOLDER } from '@/db/migrate';

type JournalEntry = { idx: number; when: number; tag: string; version: string; breakpoints: boolean };
type Journal = { version: string; dialect: string; entries: JournalEntry[] };

export function readJournal(folder = MIGRATIONS_FOLDER): Journal {
  return JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/** The tags of this build's migrations, in order: `0000_init` … */
export const migrationTags = (): string[] => readJournal().entries.map((e) => e.tag);

/**
 * A migrations folder as a build at step `k` shipped it: migrations 0..k and a journal that ends
 * there, plus any `extra` migrations after them (given as tag and SQL). `remove()` deletes it.
 */
export function migrationsUpTo(
  k: number,
  extra: { tag: string; sql: string }[] = [],
): { folder: string; remove: () => void } {
  const journal = readJournal();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `rollcall-migrations-${k}-`));
  fs.mkdirSync(path.join(folder, 'meta'));
  const entries = journal.entries.slice(0, k + 1);
  for (const e of entries)
    fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  let when = entries.at(-1)?.when ?? 0;
  for (const x of extra) {
    when += 1000;
    entries.push({ idx: entries.length, version: journal.version, when, tag: x.tag, breakpoints: true });
    fs.writeFileSync(path.join(folder, `${x.tag}.sql`), x.sql);
  }
  fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }, null, 2));
  return { folder, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}
