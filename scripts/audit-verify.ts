// npm run audit:verify — recompute every clinic's audit chain in DATABASE_URL, or in the embedded
// database; prints {clinics, rows, ok, broken} as JSON and exits 1 when a row was edited or removed.
import { closeDb, dbHandle } from '@/db/client';
import { verifyAuditChains } from '@/lib/audit/chain';

try {
  const report = await verifyAuditChains(dbHandle().db);
  console.log(JSON.stringify(report, null, 2));
  if (!report.ok) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
} finally {
  await closeDb();
}
