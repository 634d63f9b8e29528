import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * PGlite as it ships does not make a commit durable: it starts PostgreSQL with `-F` (fsync off),
 * its `fdatasync` is a no-op, and its Node file system has no fsync at all. A commit's WAL is
 * written to the operating system before the query returns, so a killed process loses nothing,
 * but a power cut or a kernel crash could lose acknowledged writes (and the order of the pages
 * on disk with them). Here fsync is on, the WAL is synced with fsync (which reaches the file
 * system, unlike fdatasync), and that fsync is a real `fdatasync(2)` of the file: an answer is
 * sent only once its log is on disk, as on PostgreSQL. It costs about 0.5 ms a commit.
 */
export const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  '-c',
  'wal_sync_method=fsync',
];

type EmscriptenModule = {
  NODEFS: { stream_ops: { fsync?: (stream: { nfd: number }) => number } };
};

/** Emscripten's errno for an I/O error: PostgreSQL then stops rather than carry on unsynced. */
const EIO = 29;

/** Counts every real sync, so a test can see that a commit reaches the disk. */
export const syncCounter = { calls: 0 };

class DurableNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const result = await super.init(...args);
    const preRun = (result.emscriptenOpts.preRun ?? []) as ((module: EmscriptenModule) => void)[];
    preRun.push((module) => {
      module.NODEFS.stream_ops.fsync = (stream) => {
        try {
          fs.fdatasyncSync(stream.nfd);
          syncCounter.calls++;
          return 0;
        } catch {
          return EIO;
        }
      };
    });
    result.emscriptenOpts.preRun = preRun;
    return result;
  }
}

/** An embedded database in `dir` whose commits are on disk before they return. */
export function openDurablePglite(dir: string): PGlite {
  return new PGlite({ fs: new DurableNodeFS(dir), startParams: DURABLE_START_PARAMS });
}
