import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { safeCallbackPath, signInSchema } from './account';

describe('callbackUrl after sign-in', () => {
  it.each([
    ['https://evil.example/phish', '/dashboard'],
    ['//evil.example/phish', '/dashboard'],
    ['/\\evil.example', '/dashboard'],
    ['javascript:alert(1)', '/dashboard'],
    ['/api/auth/signout', '/dashboard'],
    ['', '/dashboard'],
    ['/settings/team?tab=1', '/settings/team?tab=1'],
    ['/dashboard', '/dashboard'],
    // Dot segments are resolved before the check: these normalise to //evil.example.
    ['/..//evil.example', '/dashboard'],
    ['/./\\evil.example', '/dashboard'],
    ['/a/../..//evil.example/x', '/dashboard'],
    ['/%2e%2e//evil.example', '/dashboard'],
    ['/patients/../dashboard', '/dashboard'],
  ])('%s → %s', (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});

describe('sign-in form input', () => {
  it('rejects empty, oversized and malformed fields with a message each', () => {
    const empty = signInSchema.safeParse({ email: '', password: '' });
    expect(empty.success).toBe(false);
    const fields = empty.success ? {} : z.flattenError(empty.error).fieldErrors;
    expect(fields.email?.[0]).toMatch(/email/i);
    expect(fields.password?.[0]).toMatch(/password/i);

    const huge = signInSchema.safeParse({ email: `${'a'.repeat(1100)}@x.example.com`, password: 'p'.repeat(300) });
    const hugeFields = huge.success ? {} : z.flattenError(huge.error).fieldErrors;
    expect(hugeFields.email?.[0]).toMatch(/too long/i);
    expect(hugeFields.password?.[0]).toMatch(/at most 256/i);

    expect(signInSchema.safeParse({ email: 'not-an-email', password: 'x' }).success).toBe(false);
    expect(signInSchema.safeParse({ email: null, password: undefined }).success).toBe(false);
  });

  it('normalises the email so sign-in is case-insensitive', () => {
    expect(signInSchema.parse({ email: '  Dana@Example.COM ', password: 'x' }).email).toBe('dana@example.com');
  });
});
