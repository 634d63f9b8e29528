import { createThrowawayDatabase } from './throwaway';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string | null;
  }
}

/**
 * With TEST_DATABASE_URL set, make a throwaway database on that server for this run and drop it
 * afterwards; without it, each test file opens its own in-memory PGlite.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    project.provide('databaseUrl', null);
    console.log('[db] tests use in-memory PGlite (set TEST_DATABASE_URL to use PostgreSQL)');
    return;
  }
  const database = await createThrowawayDatabase(serverUrl, 'rollcall_test');
  project.provide('databaseUrl', database.url);
  console.log(`[db] tests use PostgreSQL database ${database.name}`);
  return database.drop;
}
