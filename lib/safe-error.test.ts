import crypto from 'node:crypto';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { patients } from '@/db/schema';
import { createLogger } from '@/lib/logger';
import { installSafeConsole } from '@/lib/safe-console';
import { createClinic } from '@/testing/factories';
import { messageForOperator, safeError, safeErrorLine } from './safe-error';

const marker = () => `mk${crypto.randomBytes(6).toString('hex')}`;

/** A query the database refuses, with a patient's details among its parameters. */
async function failedInsert(name: string, notes: string, email: string): Promise<unknown> {
  const clinic = await createClinic();
  try {
    // A practitioner who does not exist: a foreign-key violation, its parameters in the message.
    await db()
      .insert(patients)
      .values({ clinicId: clinic.id, name, notes, email, timezone: 'UTC', primaryPractitionerId: crypto.randomUUID() });
  } catch (error) {
    return error;
  }
  throw new Error('the insert was expected to fail');
}

function capture() {
  let out = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      out += String(chunk);
      done();
    },
  });
  return { logger: createLogger('debug', stream), read: () => out };
}

describe('errors in the log', () => {
  it('a failed query carries the parameters in its message, and none of them reach the log', async () => {
    const [name, notes, email] = [marker(), marker(), marker()];
    const error = await failedInsert(`Ana ${name}`, `\u001b[31m${notes}`, `${email}@example.com`);
    // The premise: the raw error holds what the practitioner typed.
    expect(String((error as Error).message)).toContain(name);

    const { logger, read } = capture();
    logger.error(error);
    logger.error({ err: error, event: 'x' }, 'with an object');
    logger.error({ error, cause: (error as Error).cause }, 'under other keys');
    logger.warn({ patient: { name, notes, email }, params: [name], query: `q=${name}`, token: name }, 'fields');
    const out = read();
    for (const m of [name, notes, email]) expect(out).not.toContain(m);
    expect(out).not.toContain('\u001b');
    // What is kept finds the fault: the classes and the SQLSTATE of a foreign-key violation.
    expect(out).toContain('DrizzleQueryError');
    expect(out).toContain('23503');
    expect(out).toContain('[redacted]');
  });

  it('the console prints an error as its class and codes only', async () => {
    const name = marker();
    const error = await failedInsert(name, name, `${name}@example.com`);
    const printed: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => printed.push(args);
    try {
      installSafeConsole();
      console.error(' ⨯', error);
      console.error('plain text stays');
    } finally {
      console.error = original;
    }
    expect(JSON.stringify(printed)).not.toContain(name);
    expect(printed[0]).toEqual([' ⨯', safeErrorLine(error)]);
    expect(printed[0]?.[1]).toMatch(/^DrizzleQueryError \(cause \w+, code 23503/);
    expect(printed[1]).toEqual(['plain text stays']);
  });

  it('keeps identifiers and frames, drops anything that is not one', () => {
    const error = Object.assign(new Error('secret message'), {
      code: 'has spaces so not an identifier',
      digest: '12345',
      constraint: 'patients_clinic_fk',
    });
    const safe = safeError(error);
    expect(safe).toMatchObject({ type: 'Error', digest: '12345', constraint: 'patients_clinic_fk' });
    expect(safe.code).toBeUndefined();
    expect(JSON.stringify(safe)).not.toContain('secret message');
    expect(safe.frames?.[0]).toMatch(/^at /);
    expect(safeError('thrown string')).toEqual({ type: 'string' });
  });

  it('a command shows its own errors’ messages, never a database error’s', async () => {
    expect(messageForOperator(new Error('Missing --password (no terminal to ask on).'))).toBe(
      'Missing --password (no terminal to ask on).',
    );
    const name = marker();
    const error = await failedInsert(name, name, `${name}@example.com`);
    expect(messageForOperator(error)).not.toContain(name);
    expect(messageForOperator(error)).toContain('23503');
  });
});
