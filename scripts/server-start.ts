import 'server-only';
import { dbHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { hasAnyClinic, seedDemo } from '@/scripts/seed/demo';
import { seedReference } from '@/scripts/seed/reference';
import { authSecret } from '@/lib/auth/secret';
import { env } from '@/db/env';
import { logger } from '@/lib/logger';
import { messageForOperator } from '@/lib/safe-error';

/**
 * Runs once as the server starts, before it takes requests: checks the environment, makes sure
 * there is a signing key, migrates, and gives a brand-new embedded database the demo clinic.
 * A real PostgreSQL never gets demo data here: `npm run create-admin` sets it up.
 */
export async function prepareServer(): Promise<void> {
  const config = env();
  authSecret();
  const handle = dbHandle();
  const started = Date.now();
  await migrateDatabase(handle);
  logger.info({ database: handle.kind, location: handle.location, ms: Date.now() - started }, 'database migrated');
  await seedReference(handle.db);
  if (handle.kind === 'pglite' && !(await hasAnyClinic(handle.db))) {
    const seeded = await seedDemo(handle.db);
    logger.info(seeded, 'empty embedded database: seeded the demo clinic');
  }
  if (handle.kind === 'postgres' && !(await hasAnyClinic(handle.db))) {
    logger.warn('no clinic yet: run `npm run create-admin` to create the first clinic and its admin');
  }
  logger.info({ port: config.PORT }, 'RollCall is ready');
}

/** A bad environment or an unreachable or locked database: say why and stop, rather than serve 500s. */
export async function prepareServerOrExit(): Promise<void> {
  try {
    await prepareServer();
  } catch (error) {
    console.error(`\nRollCall could not start: ${messageForOperator(error)}\n`);
    process.exit(1);
  }
}
