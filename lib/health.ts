import 'server-only';
import { sql } from 'drizzle-orm';
import { type Database, db } from '@/db/client';

/** True after a real round trip to the database within `timeoutMs`. */
export async function databaseIsReachable(timeoutMs = 3000, database: Database = db()): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      database.execute(sql`select 1`),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
