import { z } from 'zod';
import { DISCIPLINES, ROLES } from '@/db/schema';
import { text } from './form';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
export const EMAIL_MAX = 1024;

export const email = text({
  label: 'The email address',
  max: EMAIL_MAX,
  required: 'Enter your email address.',
  tooLong: 'That email address is too long.',
})
  .pipe(z.email({ error: 'Enter a valid email address.' }))
  .transform((v) => v.toLowerCase());

/** What a sign-in form may send: only checks shape, never the password rules. */
export const signInSchema = z.object({
  email,
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, 'Enter your password.')
    .max(PASSWORD_MAX, `Passwords are at most ${PASSWORD_MAX} characters.`),
});

export const newPassword = z
  .string({ error: 'Choose a password.' })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const personName = text({
  label: 'The name',
  max: 120,
  required: 'Enter a name.',
  tooLong: 'Names are at most 120 characters.',
});

export const discipline = z.enum(DISCIPLINES, { error: 'Choose a discipline.' });
export const role = z.enum(ROLES, { error: 'Choose a role.' });

export const addPractitionerSchema = z.object({
  name: personName,
  email,
  discipline,
  role,
  temporaryPassword: newPassword,
});

export const profileSchema = z.object({ name: personName, discipline });

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: 'Enter your current password.' })
      .min(1, 'Enter your current password.')
      .max(PASSWORD_MAX, `Passwords are at most ${PASSWORD_MAX} characters.`),
    newPassword,
    confirmPassword: z
      .string({ error: 'Enter the new password again.' })
      .max(PASSWORD_MAX, `Passwords are at most ${PASSWORD_MAX} characters.`),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords do not match.',
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    message: 'Choose a password different from the current one.',
  });

export const userIdSchema = z.uuid({ error: 'Unknown practitioner.' });

export const DISCIPLINE_LABELS: Record<(typeof DISCIPLINES)[number], string> = {
  chiropractor: 'Chiropractor',
  physical_therapist: 'Physical therapist',
  massage_therapist: 'Massage therapist',
  other: 'Other',
};

/** Only same-origin paths: anything else lands on the dashboard. */
export function safeCallbackPath(value: unknown, fallback = '/dashboard'): string {
  if (typeof value !== 'string' || value.length > 2048) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  try {
    const base = 'http://rollcall.invalid';
    const url = new URL(value, base);
    if (url.origin !== base) return fallback;
    // Checked after normalising: `/..//evil.example` resolves to `//evil.example`, which a
    // browser reads as another host.
    if (url.pathname.startsWith('//') || url.pathname.startsWith('/\\')) return fallback;
    if (url.pathname.startsWith('/api/') || url.pathname === '/login') return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
