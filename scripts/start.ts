// npm start — one command from a fresh install to a running app: build when there is no build
// yet, then serve. The server itself migrates and (on an empty embedded database) seeds the demo
// clinic as it starts (see instrumentation.ts), so only one process ever opens the database.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from '@/lib/env';

const config = parseEnv(process.env);
const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

if (!fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
  console.log('No production build found: building once (about a minute)...');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: childEnv });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [nextBin, 'start', '-p', String(config.PORT)], {
  stdio: 'inherit',
  env: childEnv,
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
