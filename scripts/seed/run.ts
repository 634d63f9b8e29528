// npm run db:seed — the demo clinic. Always on the embedded database; on PostgreSQL only with
// --demo, so demo accounts with published passwords never reach a real server by accident.
import { closeDb, dbHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { DEMO_ACCOUNTS, seedDemo } from '@/scripts/seed/demo';
import { messageForOperator } from '@/lib/safe-error';

const handle = dbHandle();
try {
  await migrateDatabase(handle);
  if (handle.kind === 'postgres' && !process.argv.includes('--demo')) {
    console.error(
      'Refusing to put demo accounts into PostgreSQL. Run `npm run db:seed -- --demo` if that is really what you want,\n' +
        'or `npm run create-admin` to create a real clinic.',
    );
    process.exitCode = 1;
  } else {
    const created = await seedDemo(handle.db);
    console.log(
      `Demo seed: ${created.clinics} clinic(s), ${created.users} practitioner(s) and ${created.patients} patient(s) created.`,
    );
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(32)} ${a.password.padEnd(28)} ${a.role}`);
  }
} catch (error) {
  console.error(messageForOperator(error));
  process.exitCode = 1;
} finally {
  await closeDb();
}
