import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { stalledReferrals } from '@/lib/referrals/stalled';
import { actorFor } from '@/testing/factories';
import { seedDemo } from './demo';
import { seedDemoReferrals } from './demo-referrals';

describe('the demo referrals', () => {
  it('give the dashboard an urgent, an unbooked and an overdue report; running again adds nothing', async () => {
    await seedDemo(db());
    const [admin] = await db().select().from(users).where(eq(users.email, 'admin@harbour.example.com'));
    const stalled = await stalledReferrals(actorFor(admin!));
    expect(stalled.map((r) => [r.patientName, r.why])).toEqual([
      ['Daniel Ruiz', 'urgent'],
      ['Tom Becker', 'no_report'],
      ['Aiko Tanaka', 'not_booked'],
    ]);
    expect(await seedDemoReferrals(db())).toBe(0);
  });
});
