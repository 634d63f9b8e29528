// The built app on its own port with a fresh embedded database (the demo seed), for the scripts
// that measure it (bench:bundle, bench:lighthouse). Builds first unless --no-build is given.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

export async function serveBuild(name: string, port: number): Promise<{ base: string; stop: () => void }> {
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const base = `http://127.0.0.1:${port}`;
  const dataDir = path.join(root, '.data', name);
  fs.rmSync(dataDir, { recursive: true, force: true });
  // The production server as `npm run serve` runs it (scripts/server.ts, through tsx).
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'server.ts')], {
    stdio: 'ignore',
    env: {
      ...env,
      DATABASE_URL: '',
      PGLITE_DIR: path.join(dataDir, 'pglite'),
      AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      PORT: String(port),
    },
  });
  const stop = () => {
    server.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error('server did not become healthy');
}
