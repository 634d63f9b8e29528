import { describe, expect, it } from 'vitest';
import { createClinicWithTeam, reloadUser } from '@/testing/factories';
import { endAllSessions, setDisabled } from '@/lib/clinic/practitioners';
import { ABSOLUTE_TIMEOUT_SECONDS, refreshSessionToken } from './session-token';

const now = Math.floor(Date.now() / 1000);

async function session() {
  const team = await createClinicWithTeam();
  const user = await reloadUser(team.practitioner.userId);
  return {
    ...team,
    token: { uid: user.id, cid: user.clinicId, role: user.role, sv: user.sessionVersion, authTime: now - 60 },
  };
}

describe('session tokens are checked against the account on every request', () => {
  it('keeps a fresh session and refreshes role and clinic from the database', async () => {
    const { token, clinic } = await session();
    expect(await refreshSessionToken({ ...token, role: 'admin' }, now)).toMatchObject({
      uid: token.uid,
      cid: clinic.id,
      role: 'practitioner',
    });
  });

  it('ends a session 12 hours after sign-in however active it was', async () => {
    const { token } = await session();
    expect(await refreshSessionToken({ ...token, authTime: now - ABSOLUTE_TIMEOUT_SECONDS - 1 }, now)).toBeNull();
    expect(await refreshSessionToken({ ...token, authTime: now - ABSOLUTE_TIMEOUT_SECONDS + 60 }, now)).not.toBeNull();
  });

  it('ends every copy of a session after sign-out, and when the account is disabled', async () => {
    const a = await session();
    await endAllSessions({ userId: a.token.uid!, clinicId: a.token.cid! });
    expect(await refreshSessionToken(a.token, now)).toBeNull();

    const b = await session();
    await setDisabled(b.admin, b.token.uid, true);
    expect(
      await refreshSessionToken({ ...b.token, sv: (await reloadUser(b.token.uid)).sessionVersion }, now),
    ).toBeNull();
  });

  it('refuses a token with no user or no sign-in time', async () => {
    expect(await refreshSessionToken({}, now)).toBeNull();
    const { token } = await session();
    expect(await refreshSessionToken({ ...token, authTime: undefined }, now)).toBeNull();
  });
});
