import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests run against a real database: an in-memory PGlite per test file by default, or a fresh
// database on the PostgreSQL server named by TEST_DATABASE_URL (created and dropped per run).
export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; in tests these modules run in Node.
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    environment: 'node',
    include: ['{lib,db,app,components,scripts,testing}/**/*.test.ts'],
    globalSetup: ['testing/global-setup.ts'],
    setupFiles: ['testing/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // next-auth imports `next/server` without the `.js` Node's ESM loader insists on; vite's resolver finds it.
    server: { deps: { inline: ['next-auth'] } },
  },
});
