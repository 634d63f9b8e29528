/**
 * Sessions logged on this phone that the page it was served with does not know about yet: the
 * ones logged since (sent or kept to send), and the ones still waiting in the offline queue. The
 * header and the 14-day strip add them to the server's count, so a log shows the moment it is
 * saved, online or not, without a reload. Each log is counted once, by its idempotency key.
 */
import { pending } from './offline-queue';
import type { LogPayload } from './types';

type Counted = Pick<LogPayload, 'idempotencyKey' | 'performedAt' | 'itemsDone' | 'itemsPartial'>;

const counted = new Map<string, number>();
const listeners = new Set<() => void>();
let version = 0;
let queueRead = false;

/** A session counts when an exercise was done in it, in full or in part (design.md). */
export const countsAsSession = (log: Counted) => log.itemsDone.length + (log.itemsPartial?.length ?? 0) > 0;

/** Counts a log saved on this phone (delivered or queued). */
export function countSession(log: Counted): void {
  if (!countsAsSession(log) || counted.has(log.idempotencyKey)) return;
  const at = Date.parse(log.performedAt);
  if (!Number.isFinite(at)) return;
  counted.set(log.idempotencyKey, at);
  version++;
  for (const l of listeners) l();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Logs still queued from an earlier visit are not on the server yet, so the page did not count them.
  if (!queueRead) {
    queueRead = true;
    for (const log of pending()) countSession(log);
  }
  return () => listeners.delete(listener);
}

export const getVersion = () => version;
export const getServerVersion = () => 0;

/** Sessions counted here that fall between two instants (ISO 8601, the end excluded). */
export function countedBetween(from: string, to: string): number {
  const start = Date.parse(from);
  const end = Date.parse(to);
  let n = 0;
  for (const at of counted.values()) if (at >= start && at < end) n++;
  return n;
}
