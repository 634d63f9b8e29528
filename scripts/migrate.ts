// npm run db:migrate — apply pending migrations to DATABASE_URL, or to the embedded database.
import { closeDb, dbHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedReference } from '@/scripts/seed/reference';
import { messageForOperator } from '@/lib/safe-error';

const handle = dbHandle();
try {
  await migrateDatabase(handle);
  await seedReference(handle.db);
  console.log(`Migrated ${handle.kind} database at ${handle.location}.`);
} catch (error) {
  console.error(messageForOperator(error));
  process.exitCode = 1;
} finally {
  await closeDb();
}
