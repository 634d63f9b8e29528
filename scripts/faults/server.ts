// The production server (scripts/server.ts) as the fault test runs it: killed with SIGKILL and
// started again on the same port and database, as a supervisor would.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type ServerProcess = { child: ChildProcess; exited: Promise<void> };

export function buildExists(): boolean {
  return fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'));
}

export function spawnServer(env: NodeJS.ProcessEnv, port: number, logFile: string): ServerProcess {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
    env: { ...env, PORT: String(port), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, exited };
}

/** Resolves once /api/health answers 200; throws if the process exits first or after `ms`. */
export async function waitUntilReady(base: string, server: ServerProcess, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null)
      throw new Error('the server exited while starting');
    const status = (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) }).catch(() => null))?.status;
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server was not ready after ${ms / 1000} s`);
}
