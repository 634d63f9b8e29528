import { afterAll, beforeAll, inject } from 'vitest';
import { closeDb, dbHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

const url = inject('databaseUrl');
if (url) {
  process.env.DATABASE_URL = url;
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = 'memory://';
}

beforeAll(async () => {
  await migrateDatabase(dbHandle());
});

afterAll(async () => {
  await closeDb();
});
