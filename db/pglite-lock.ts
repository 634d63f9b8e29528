import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

/** Who holds the folder: the process, and (on Linux) when it started and in which boot. */
type LockOwner = { pid: number; host: string; started?: string | null; boot?: string | null };

/** A process's start time in clock ticks since boot (/proc/<pid>/stat field 22), where there is /proc. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function bootId(): string | null {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

function readLockOwner(lockPath: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string')
      return { pid: parsed.pid, host: parsed.host, started: parsed.started ?? null, boot: parsed.boot ?? null };
  } catch {
    // unreadable or half-written: treat as stale
  }
  return null;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the lock's owner still runs. A pid alone is not enough: after a kill -9 or a reboot
 * the pid is soon another process's (often the restarted server's own neighbour), so the owner
 * is the same process only if it also started at the recorded time in the same boot.
 */
export function ownerIsRunning(owner: LockOwner): boolean {
  if (owner.host !== os.hostname() || !isAlive(owner.pid)) return false;
  if (owner.boot && bootId() && owner.boot !== bootId()) return false;
  if (owner.started && startTimeOf(owner.pid) && owner.started !== startTimeOf(owner.pid)) return false;
  return true;
}

/**
 * PGlite has no lock of its own: two processes writing one data folder silently corrupt it.
 * A lock file beside the folder names its owner; a running owner makes us fail at once, and a
 * lock left by a process that died (a SIGKILL, a power cut) is taken over.
 */
export function acquirePgliteLock(dir: string): () => void {
  const lockPath = `${path.resolve(dir)}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx', 0o600);
      const owner: LockOwner & { at: string } = {
        pid: process.pid,
        host: os.hostname(),
        started: startTimeOf(process.pid),
        boot: bootId(),
        at: new Date().toISOString(),
      };
      fs.writeSync(fd, JSON.stringify(owner));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readLockOwner(lockPath);
      if (owner && ownerIsRunning(owner)) {
        throw new DatabaseInUseError(
          `The embedded database at ${dir} is already open in process ${owner.pid}. ` +
            'PGlite cannot be shared between processes: stop that process first, ' +
            'or point PGLITE_DIR at another folder (or set DATABASE_URL to use PostgreSQL).',
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseInUseError(`Could not take the lock on ${lockPath}`);
}
