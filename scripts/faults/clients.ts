// The patients' phones: each client sends its logs one after another and, as the phone's offline
// queue does (components/patient-portal/offline-queue.ts), sends a log again with the same
// idempotency key until it gets an answer: after a dropped connection, a 5xx or a 429.
import crypto from 'node:crypto';
import type { FaultLink } from './seed';

export type PlannedLog = { key: string; link: FaultLink; body: Record<string, unknown>; redFlag: boolean };

export type Tally = {
  sent: number;
  acknowledged: Set<string>;
  /** Sends after the first, of logs that had no answer. */
  retried: number;
  /** Logs refused for good (a 4xx other than 429): none should be. */
  rejected: { key: string; status: number; body: string }[];
  /** Logs still without an answer when the run's deadline passed. */
  unanswered: string[];
};

/** `perClient` logs for each client, spread over its own links (at most `perLink` per link). */
export function planLogs(links: FaultLink[], clients: number, perClient: number, perLink: number): PlannedLog[][] {
  const linksPerClient = Math.ceil(perClient / perLink);
  if (links.length < clients * linksPerClient) throw new Error('not enough links for the planned logs');
  return Array.from({ length: clients }, (_, c) => {
    const own = links.slice(c * linksPerClient, (c + 1) * linksPerClient);
    return Array.from({ length: perClient }, (_, i) => {
      const link = own[i % own.length]!;
      // Every sixth log reports a red flag: its alert (or the fold into the open one) must be
      // stored with it, or not at all.
      const redFlag = (c + i) % 6 === 0;
      const key = crypto.randomUUID();
      const body = {
        idempotencyKey: key,
        performedAt: new Date(Date.now() - (i + 1) * 1000).toISOString(),
        itemsDone: redFlag ? [] : link.exercises,
        painBefore: 3,
        painAfter: redFlag ? null : 2,
        symptoms: redFlag ? ['tingling'] : [],
        note: `fault test ${c}-${i}`,
      };
      return { key, link, body, redFlag };
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function sendUntilAnswered(base: string, log: PlannedLog, tally: Tally, deadline: number): Promise<void> {
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    if (attempt > 0) tally.retried++;
    const response = await fetch(`${base}/p/log`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `rc_patient=${log.link.token}` },
      body: JSON.stringify(log.body),
      signal: AbortSignal.timeout(15_000),
    }).catch(() => null);
    if (response && (response.status === 200 || response.status === 201)) {
      await response.body?.cancel();
      tally.acknowledged.add(log.key);
      return;
    }
    if (response && response.status >= 400 && response.status < 500 && response.status !== 429) {
      tally.rejected.push({ key: log.key, status: response.status, body: (await response.text()).slice(0, 200) });
      return;
    }
    const retryAfter = Number(response?.headers.get('retry-after') ?? 0);
    await response?.body?.cancel();
    await sleep(retryAfter > 0 ? Math.min(retryAfter, 5) * 1000 : Math.min(2000, 100 * 2 ** Math.min(attempt, 5)));
  }
  tally.unanswered.push(log.key);
}

export async function runClients(base: string, plan: PlannedLog[][], tally: Tally, deadline: number): Promise<void> {
  await Promise.all(
    plan.map(async (logs) => {
      for (const log of logs) {
        tally.sent++;
        await sendUntilAnswered(base, log, tally, deadline);
      }
    }),
  );
}
