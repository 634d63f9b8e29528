import { describe, expect, it } from 'vitest';
import { databaseIsReachable } from './health';

describe('health check', () => {
  it('reports the database reachable after a real query', async () => {
    expect(await databaseIsReachable()).toBe(true);
  });
});
