import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addPractitioner } from '@/lib/clinic/practitioners';
import { failureResponse, HTTP_STATUS } from '@/lib/http/failure-response';
import { addPractitionerSchema } from '@/lib/validation/account';
import { planFormToObject } from '@/lib/validation/plan';
import { createClinicWithTeam } from '@/testing/factories';
import { type ActionState, failureState, idle } from './action-state';
import { formAction } from './form-action';
import { echoFields, readForm } from './read-form';
import { type FailureCode, fail, invalidInput } from './result';

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe('reading a submitted form', () => {
  it('keeps the first value of each field, every value of a declared list, and none of React’s own fields', () => {
    const raw = readForm(
      form([
        ['name', 'Ada'],
        ['name', 'second'],
        ['tags', 'a'],
        ['tags', 'b'],
        ['$ACTION_ID_abc', ''],
      ]),
      ['tags', 'unticked'],
    );
    expect(raw).toEqual({ name: 'Ada', tags: ['a', 'b'], unticked: [] });
  });

  it('echoes only the declared fields, lists comma-joined, and never a password even when asked', () => {
    const raw = readForm(
      form([
        ['email', 'ada@example.com'],
        ['tags', 'a'],
        ['tags', 'b'],
        ['newPassword', 'hunter2hunter2'],
        ['note', 'x'],
      ]),
      ['tags'],
    );
    expect(echoFields(raw, ['email', 'tags', 'newPassword', 'missing'])).toEqual({
      email: 'ada@example.com',
      tags: 'a,b',
    });
  });

  it('the plan editor’s reader nests items and acknowledgements for its schema', () => {
    const raw = planFormToObject(
      form([
        ['items.0.exerciseId', 'x'],
        ['items.0.daysOfWeek', '1'],
        ['items.0.daysOfWeek', '3'],
        ['ack.x:osteopenia', 'Small range.'],
        ['reason', 'Why'],
      ]),
    );
    expect(raw).toEqual({
      reason: 'Why',
      items: [{ exerciseId: 'x', daysOfWeek: ['1', '3'] }],
      acknowledgements: { 'x:osteopenia': 'Small range.' },
    });
  });
});

describe('a Result as the form shows it', () => {
  it('bad input is “invalid” with each field’s messages, from z.flattenError', () => {
    const parsed = z
      .object({ name: z.string().min(1, 'Enter a name.'), age: z.number({ error: 'A number.' }) })
      .safeParse({ name: '' });
    if (parsed.success) throw new Error('should not parse');
    const state = failureState(invalidInput(parsed.error), { name: '' });
    expect(state).toEqual({
      status: 'invalid',
      message: 'Check the highlighted fields.',
      fieldErrors: { name: ['Enter a name.'], age: ['A number.'] },
      values: { name: '' },
    });
  });

  it('a form-level zod message leads, unless the action names its own', () => {
    const parsed = z
      .object({ a: z.string(), b: z.string() })
      .refine((v) => v.a === v.b, 'They must match.')
      .safeParse({ a: 'x', b: 'y' });
    if (parsed.success) throw new Error('should not parse');
    expect(invalidInput(parsed.error).message).toBe('They must match.');
    expect(invalidInput(parsed.error, 'Answer every question.').message).toBe('Answer every question.');
  });

  it('an expected failure is an error message; one that names fields is shown at them', () => {
    expect(failureState(fail('not_found', 'That patient is not in your clinic.'))).toEqual({
      status: 'error',
      message: 'That patient is not in your clinic.',
    });
    expect(failureState(fail('conflict', 'A clinic needs at least one active admin.'))).toMatchObject({
      status: 'error',
    });
    expect(failureState(fail('conflict', 'Taken.', { email: ['Taken.'] }))).toMatchObject({
      status: 'invalid',
      fieldErrors: { email: ['Taken.'] },
    });
  });
});

describe('a failure as an HTTP response', () => {
  it('gives each code its status', () => {
    const expected: Record<FailureCode, number> = {
      invalid: 400,
      refused: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      rate_limited: 429,
    };
    expect(HTTP_STATUS).toEqual(expected);
    for (const [code, status] of Object.entries(expected))
      expect(failureResponse(fail(code as FailureCode, 'No.')).status).toBe(status);
  });

  it('answers JSON with field errors, or plain text, keeping the caller’s headers', async () => {
    const json = failureResponse(fail('invalid', 'Some answers need fixing.', { painAfter: ['0 to 10.'] }), {
      headers: { 'Cache-Control': 'no-store' },
    });
    expect(json.headers.get('cache-control')).toBe('no-store');
    expect(await json.json()).toEqual({ error: 'Some answers need fixing.', fieldErrors: { painAfter: ['0 to 10.'] } });
    const text = failureResponse(fail('refused', 'Sign in first.'), { as: 'text' });
    expect(text.status).toBe(401);
    expect(text.headers.get('content-type')).toContain('text/plain');
    expect(await text.text()).toBe('Sign in first.');
  });
});

describe('the action wrapper', () => {
  // A public caller needs no session, so the whole path runs here with a real lib/ call and database.
  async function addPractitionerForm() {
    const { admin, clinic } = await createClinicWithTeam();
    const action = formAction({
      caller: 'public',
      schema: addPractitionerSchema,
      echo: ['name', 'email', 'temporaryPassword'],
      notFound: { fields: ['role'], message: 'No such role.' },
      run: (input) => addPractitioner(admin, input),
      done: (_, input): ActionState => ({ status: 'ok', message: `${input.name} added.` }),
    });
    const email = `ada-${clinic.id.slice(0, 8)}@test.example.com`;
    const fields = (overrides: Record<string, string> = {}) =>
      form(
        Object.entries({
          name: 'Ada',
          email,
          discipline: 'chiropractor',
          role: 'practitioner',
          temporaryPassword: 'temporary-password-1',
          ...overrides,
        }),
      );
    return { action, fields };
  }

  it('refuses bad input as “invalid” with field errors, echoing only the declared, non-secret fields', async () => {
    const { action, fields } = await addPractitionerForm();
    const state = await action(idle, fields({ name: '', temporaryPassword: 'short' }));
    expect(state.status).toBe('invalid');
    expect(Object.keys(state.fieldErrors ?? {}).sort()).toEqual(['name', 'temporaryPassword']);
    expect(state.values).toEqual({ name: '', email: expect.stringContaining('@') });
  });

  it('reads a malformed hidden field as something not in the clinic', async () => {
    const { action, fields } = await addPractitionerForm();
    expect(await action(idle, fields({ role: 'owner' }))).toMatchObject({ status: 'error', message: 'No such role.' });
  });

  it('turns the ok value into the form’s message, and an expected failure into state, not an exception', async () => {
    const { action, fields } = await addPractitionerForm();
    expect(await action(idle, fields())).toEqual({ status: 'ok', message: 'Ada added.' });
    const again = await action(idle, fields());
    expect(again).toMatchObject({
      status: 'invalid',
      message: 'Someone already signs in with that email.',
      fieldErrors: { email: [expect.any(String)] },
    });
    expect(again.values).not.toHaveProperty('temporaryPassword');
  });
});
