// Starts the production build for Playwright on its own port with a fresh embedded database,
// so e2e runs never touch the developer's .data/pglite and always begin from the demo seed.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dataDir = path.join(process.cwd(), '.data', 'e2e');
fs.rmSync(dataDir, { recursive: true, force: true });
fs.rmSync(`${dataDir}-pglite.lock`, { force: true });

const server = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: process.env.E2E_PORT ?? '3100',
    PGLITE_DIR: path.join(dataDir, 'pglite'),
    DATABASE_URL: '',
    AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // Playwright stands in for one trusted proxy: a test can then be a client of its own by
    // sending X-Forwarded-For, as a load balancer would write it (lib/http/client-address.ts).
    TRUST_PROXY: '1',
    // The server's own zone must not show: dates are written for the patient's or the clinic's zone.
    TZ: 'UTC',
  },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
