import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { db } from '@/db/client';
import { auditEvents, clinics } from '@/db/schema';
import { createClinicWithTeam } from '@/testing/factories';
import { clinicSettingsSchema } from '@/lib/validation/clinic';
import { updateClinicSettings } from './clinic';

const form = (patch: Record<string, string> = {}) => ({
  name: 'Bay Physio',
  timezone: 'Australia/Sydney',
  phone: '+61 2 5550 1234',
  email: 'front@bay.example.com',
  address: '1 Bay Road, Sydney',
  emergencyNumber: '',
  closedAdvice: 'Out of hours, call healthdirect on 1800 022 222.',
  handoutFooter: 'Questions? Ring +61 2 5550 1234.',
  opens1: '08:00',
  closes1: '18:00',
  opens6: '09:00',
  closes6: '12:00',
  ...patch,
});

const clinicRow = async (id: string) => (await db().select().from(clinics).where(eq(clinics.id, id)))[0]!;

describe('clinic settings', () => {
  it('an admin saves them, with an audit entry naming what changed', async () => {
    const { admin, clinic } = await createClinicWithTeam();
    const input = clinicSettingsSchema.parse(form());
    expect(await updateClinicSettings(admin, input)).toEqual({ ok: true });
    expect(await clinicRow(clinic.id)).toMatchObject({
      name: 'Bay Physio',
      timezone: 'Australia/Sydney',
      emergencyNumber: null,
      openingHours: [
        { day: 1, opens: '08:00', closes: '18:00' },
        { day: 6, opens: '09:00', closes: '12:00' },
      ],
    });
    const events = await db().select().from(auditEvents).where(eq(auditEvents.subjectId, clinic.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'clinic.settings_updated', actorUserId: admin.userId });
    const { changed } = events[0]?.detail as { changed: string[] };
    expect(changed).toEqual(expect.arrayContaining(['name', 'timezone', 'openingHours', 'closedAdvice']));
    expect(changed).not.toContain('emergencyNumber'); // empty before and after
    // Saving the same again changes nothing and records nothing.
    expect(await updateClinicSettings(admin, input)).toEqual({ ok: true });
    expect(await db().select().from(auditEvents).where(eq(auditEvents.subjectId, clinic.id))).toHaveLength(1);
  });

  it('refuses bad input field by field', () => {
    const errors = (patch: Record<string, string>) => {
      const parsed = clinicSettingsSchema.safeParse(form(patch));
      return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
    };
    expect(errors({ emergencyNumber: '9-1-1' })).toHaveProperty('emergencyNumber');
    expect(errors({ emergencyNumber: '999' })).toEqual({});
    expect(errors({ timezone: 'Mars/Olympus' })).toHaveProperty('timezone');
    expect(errors({ name: '  ' })).toHaveProperty('name');
    expect(errors({ phone: 'call us' })).toHaveProperty('phone');
    expect(errors({ email: 'not-an-email' })).toHaveProperty('email');
    expect(errors({ opens2: '08:00' })).toEqual({
      closes2: ['Give both times for Tuesday, or neither if the clinic is closed.'],
    });
    expect(errors({ opens3: '18:00', closes3: '08:00' })).toEqual({
      closes3: ['Wednesday must close after it opens.'],
    });
    expect(errors({ opens4: '25:00', closes4: '26:00' })).toHaveProperty('opens4');
  });

  it('unauthorized access: a practitioner cannot change them, and no admin reaches another clinic', async () => {
    const a = await createClinicWithTeam();
    const b = await createClinicWithTeam();
    const before = await clinicRow(a.clinic.id);
    const input = clinicSettingsSchema.parse(form({ emergencyNumber: '000' }));
    expect(await updateClinicSettings(a.practitioner, input)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await clinicRow(a.clinic.id)).toEqual(before);
    // An admin's save is scoped by the clinic of their session: another clinic is never touched.
    expect(await updateClinicSettings(b.admin, input)).toEqual({ ok: true });
    expect(await clinicRow(a.clinic.id)).toEqual(before);
    expect((await clinicRow(b.clinic.id)).emergencyNumber).toBe('000');
  });
});
