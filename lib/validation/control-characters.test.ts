import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { providerSchema, parseDirectoryQuery } from '@/lib/directory/provider-schema';
import { sessionLogSchema } from '@/lib/patient-portal/log-contract';
import { screeningFormSchema } from '@/lib/screening/screening';
import { addPractitionerSchema, signInSchema } from './account';
import { clinicSettingsSchema } from './clinic';
import { customExerciseSchema, templateSchema } from './exercise';
import { hasControlCharacters, optionalText, text } from './form';
import { createLinkSchema } from './link';
import { parseRosterQuery, patientSchema } from './patient';
import { adjustPlanSchema } from './plan';
import { dismissSuggestionSchema } from './progression';
import { createReferralSchema, recordReportSchema } from './referral';

const fieldErrors = (result: { success: boolean; error?: z.ZodError }) =>
  result.success || !result.error ? {} : (z.flattenError(result.error).fieldErrors as Record<string, string[]>);

const REFUSED = /can't be saved/;

describe('the shared text schema', () => {
  const singleLine = text({ label: 'The name', max: 50 });
  const multiline = text({ label: 'Notes', max: 50, multiline: true });

  it.each([
    ['NUL', 'a\u0000b'],
    ['an ANSI escape', '\u001b[31mred\u001b[0m'],
    ['a bell', 'ding\u0007'],
    ['a backspace', 'ab\u0008c'],
    ['DEL', 'a\u007f'],
    ['a C1 control (CSI)', 'a\u009b31m'],
    ['NEL', 'a\u0085b'],
    ['a vertical tab', 'a\u000bb'],
    ['a lone carriage return', 'a\rb'],
  ])('refuses %s in any field, with the field’s name', (_, value) => {
    for (const schema of [singleLine, multiline]) {
      const result = schema.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(REFUSED);
    }
    expect(singleLine.safeParse(value).error?.issues[0]?.message).toBe(
      "The name contains characters that can't be saved.",
    );
  });

  it('keeps line breaks and tabs only where the field is multiline', () => {
    for (const value of ['one\ntwo', 'one\r\ntwo', 'one\ttwo']) {
      expect(multiline.parse(value)).toBe(value);
      expect(singleLine.safeParse(value).success).toBe(false);
    }
  });

  it('takes every printable character, accents, scripts and emoji included', () => {
    const value = 'Zoë Ødegård 李小龙 محمد 🧘 “quoted” – ok';
    expect(singleLine.parse(`  ${value}  `)).toBe(value);
  });

  it('checks what is left after trimming, and says so when the field is required', () => {
    const required = text({ label: 'The name', max: 5, required: 'Enter a name.' });
    expect(required.safeParse('   ').error?.issues[0]?.message).toBe('Enter a name.');
    expect(required.safeParse(undefined).error?.issues[0]?.message).toBe('Enter a name.');
    expect(required.safeParse('toolong').error?.issues[0]?.message).toBe('The name is at most 5 characters.');
    expect(required.parse('  Ana ')).toBe('Ana');
  });

  it('optionalText: blank is null, control characters are refused', () => {
    const notes = optionalText(100, 'Notes', { multiline: true });
    expect(notes.parse('  ')).toBeNull();
    expect(notes.parse(undefined)).toBeNull();
    expect(notes.safeParse('x\u0000').error?.issues[0]?.message).toBe("Notes contains characters that can't be saved.");
  });

  it('hasControlCharacters agrees with the schema', () => {
    expect(hasControlCharacters('plain')).toBe(false);
    expect(hasControlCharacters('a\nb')).toBe(true);
    expect(hasControlCharacters('a\nb', true)).toBe(false);
    expect(hasControlCharacters('a\u0000b', true)).toBe(true);
  });
});

describe('every text input refuses NUL with a message on its field', () => {
  const NUL = 'x\u0000y';

  it('a patient: name, email, phone, notes; timezone and practitioner too', () => {
    const base = { name: 'Ana', timezone: 'Europe/London' };
    for (const field of ['name', 'email', 'phone', 'notes', 'timezone', 'primaryPractitionerId']) {
      const errors = fieldErrors(patientSchema.safeParse({ ...base, [field]: NUL }));
      expect(errors[field]?.length, field).toBeGreaterThan(0);
    }
    expect(fieldErrors(patientSchema.safeParse({ ...base, name: NUL })).name?.[0]).toMatch(REFUSED);
    expect(fieldErrors(patientSchema.safeParse({ ...base, notes: `a\n${NUL}` })).notes?.[0]).toMatch(REFUSED);
  });

  it('sign-in and the team: email and name', () => {
    expect(fieldErrors(signInSchema.safeParse({ email: `a${NUL}@example.com`, password: 'x' })).email?.[0]).toMatch(
      REFUSED,
    );
    const practitioner = {
      name: `Sam${NUL}`,
      email: 'sam@example.com',
      discipline: 'chiropractor',
      role: 'practitioner',
      temporaryPassword: 'a-long-enough-password',
    };
    expect(fieldErrors(addPractitionerSchema.safeParse(practitioner)).name?.[0]).toMatch(REFUSED);
  });

  it('the clinic’s settings', () => {
    for (const field of ['name', 'address', 'closedAdvice', 'handoutFooter', 'phone', 'email', 'emergencyNumber']) {
      const errors = fieldErrors(clinicSettingsSchema.safeParse({ name: 'Clinic', timezone: 'UTC', [field]: NUL }));
      expect(errors[field]?.[0], field).toMatch(REFUSED);
    }
  });

  it('exercises and templates', () => {
    const errors = fieldErrors(
      customExerciseSchema.safeParse({ name: NUL, summary: NUL, steps: `one\n${NUL}`, cues: NUL, safetyNotes: NUL }),
    );
    for (const field of ['name', 'summary', 'steps', 'cues', 'safetyNotes'])
      expect(errors[field]?.[0], field).toMatch(REFUSED);
    const template = fieldErrors(templateSchema.safeParse({ name: NUL, description: NUL }));
    expect(template.name?.[0]).toMatch(REFUSED);
    expect(template.description?.[0]).toMatch(REFUSED);
  });

  it('links, plans, suggestions, referrals and screenings', () => {
    expect(
      fieldErrors(createLinkSchema.safeParse({ patientId: crypto.randomUUID(), label: NUL, expiresInDays: '' }))
        .label?.[0],
    ).toMatch(REFUSED);
    expect(
      fieldErrors(adjustPlanSchema.safeParse({ effectiveDate: '2026-01-01', reason: `Because${NUL}`, items: [] }))
        .reason?.[0],
    ).toMatch(REFUSED);
    expect(
      fieldErrors(
        dismissSuggestionSchema.safeParse({
          patientId: crypto.randomUUID(),
          signature: '0'.repeat(32),
          note: `Nope${NUL}`,
        }),
      ).note?.[0],
    ).toMatch(REFUSED);
    const referral = fieldErrors(createReferralSchema.safeParse({ reason: NUL, goal: NUL }));
    expect(referral.reason?.[0]).toMatch(REFUSED);
    expect(referral.goal?.[0]).toMatch(REFUSED);
    const report = fieldErrors(recordReportSchema.safeParse({ findings: NUL, recommendations: NUL }));
    expect(report.findings?.[0]).toMatch(REFUSED);
    expect(report.recommendations?.[0]).toMatch(REFUSED);
    const screening = screeningFormSchema.safeParse({ bone_tumour_note: NUL });
    expect(screening.error?.issues.find((i) => i.path[0] === 'bone_tumour_note')?.message).toMatch(REFUSED);
  });

  it('a provider, as typed in the form or read from a CSV cell', () => {
    for (const field of [
      'name',
      'discipline',
      'organisation',
      'address',
      'phone',
      'email',
      'website',
      'languages',
      'tags',
      'acceptingNewPatients',
      'openingHours',
      'internalNotes',
    ]) {
      const errors = fieldErrors(
        providerSchema.safeParse({ name: 'Dr A', discipline: 'physician', [field]: `\u001b[2J${NUL}` }),
      );
      expect(errors[field]?.[0], field).toMatch(REFUSED);
    }
  });

  it('the phone’s log note', () => {
    const log = {
      idempotencyKey: crypto.randomUUID(),
      performedAt: new Date().toISOString(),
      itemsDone: [crypto.randomUUID()],
      painBefore: 2,
      painAfter: 2,
    };
    expect(fieldErrors(sessionLogSchema.safeParse({ ...log, note: `ok${NUL}` })).note?.[0]).toMatch(REFUSED);
    expect(sessionLogSchema.parse({ ...log, note: ' two\nlines ' }).note).toBe('two\nlines');
  });

  it('search boxes in the address: a query they cannot hold searches for nothing', () => {
    expect(parseRosterQuery({ q: `ana${NUL}` }).q).toBe('');
    expect(parseRosterQuery({ q: '\u001b[31mana' }).q).toBe('');
    expect(parseRosterQuery({ q: ' Ana ' }).q).toBe('Ana');
    const directory = parseDirectoryQuery({ q: NUL, language: NUL, tag: '\u009bX' });
    expect([directory.q, directory.language, directory.tag]).toEqual(['', '', '']);
    expect(parseDirectoryQuery({ tag: ' Sports ' }).tag).toBe('sports');
  });
});
