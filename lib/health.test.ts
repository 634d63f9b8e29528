import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { databaseIsReachable } from './health';

describe('health check', () => {
  it('reports the database reachable after a real query', async () => {
    expect(await databaseIsReachable()).toBe(true);
  });

  it('reports it unreachable when the server does not answer', async () => {
    const nowhere = openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none' });
    try {
      expect(await databaseIsReachable(2000, nowhere.db)).toBe(false);
    } finally {
      await nowhere.close();
    }
  });
});
