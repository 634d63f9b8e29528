// npm start — one command from a fresh install to a running app: build when there is no build
// yet, then serve. The server itself migrates and (on an empty embedded database) seeds the demo
// clinic as it starts (see instrumentation.ts).
//   --no-build   serve the existing build only (npm run serve)
//
// With PostgreSQL and WEB_CONCURRENCY > 1 it runs that many server processes on the one port
// (node:cluster): one Node process renders on one core, so a machine whose cores are the app's
// own should run one per core. The default is one: on the 2-core benchmark machine, where
// PostgreSQL shares the cores, a second process raised dashboard throughput 10-20 % but cut
// session-log throughput as much. The embedded database allows a single process.
import { spawn, spawnSync } from 'node:child_process';
import cluster from 'node:cluster';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { storedSecret } from '@/lib/auth/secret-store';
import { EnvError, parseEnv } from '@/db/env';

const { values: flags } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false } } });
function configOrExit() {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`\nRollCall could not start: ${error.message}\n`);
    process.exit(1);
  }
}
const config = configOrExit();
const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
const childEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

if (!fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
  if (flags['no-build']) {
    console.error('No production build found: run `npm run build` first (or `npm start`, which builds).');
    process.exit(1);
  }
  console.log('No production build found: building once (about a minute)...');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: childEnv });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Every process must sign sessions with the same key: settle it once, here.
if (!config.AUTH_SECRET) {
  const { secret, created } = storedSecret();
  if (created)
    console.warn(
      'AUTH_SECRET is not set: generated a random one in .data/auth-secret (mode 0600). Set AUTH_SECRET when running several machines.',
    );
  childEnv.AUTH_SECRET = secret;
}

const processes = config.DATABASE_URL ? (config.WEB_CONCURRENCY ?? 1) : 1;
// scripts/server.ts (Next's handler behind our own HTTP server), run through tsx.
const serverArgs = ['--import', 'tsx', path.join(process.cwd(), 'scripts', 'server.ts')];
Object.assign(childEnv, { NODE_ENV: 'production' });

if (processes === 1) {
  const server = spawn(process.execPath, serverArgs, { stdio: 'inherit', env: childEnv });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  console.log(`Starting ${processes} server processes on port ${config.PORT}.`);
  cluster.setupPrimary({ exec: serverArgs[2]!, execArgv: serverArgs.slice(0, 2) });
  let stopping = false;
  let exitCode = 0;
  const stop = (signal: NodeJS.Signals, code: number) => {
    if (!stopping) {
      stopping = true;
      exitCode = code;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  };
  // One process failing (a bad environment, an unreachable database) stops them all, as a single
  // process would: a supervisor restarts the whole app rather than a half of it.
  cluster.on('exit', (_worker, code, signal) => stop('SIGTERM', code ?? (signal ? 1 : 0)));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal, 0));
  for (let i = 0; i < processes; i++) cluster.fork(childEnv);
}
