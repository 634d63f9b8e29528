import fc from 'fast-check';
import type { Form, FormValue } from '../../testing/access-registry';
import { nasty, nastyDay } from '../../testing/nasty-values';

const SMUGGLED = ['clinicId', 'role', 'userId', 'patientId', 'status', '__proto__', '$ACTION_ID_x', 'x'];

/** A field as it arrived, as a generated string, as a list, as a file, or not at all. */
function mutatedValue(value: FormValue): fc.Arbitrary<FormValue | undefined> {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return fc.oneof({ weight: 1, arbitrary: fc.constant(value) }, { weight: 3, arbitrary: nastyDay });
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(value) },
    { weight: 4, arbitrary: nasty },
    { weight: 1, arbitrary: fc.array(nasty, { maxLength: 3 }) },
    { weight: 1, arbitrary: nasty.map((file) => ({ file, name: 'x.csv', type: 'text/csv' })) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** The entry's own form with some fields replaced, dropped or duplicated, and a few smuggled in. */
export function generatedForms(base: Form, count: number, seed: number): Form[] {
  const keys = Object.keys(base);
  const arbitrary = fc
    .tuple(
      fc.tuple(...keys.map((k) => mutatedValue(base[k]!))),
      fc.dictionary(fc.constantFrom(...SMUGGLED), nasty, { maxKeys: 2 }),
    )
    .map(([values, extra]) => {
      const form: Form = { ...extra };
      keys.forEach((k, i) => {
        if (values[i] !== undefined) form[k] = values[i]!;
      });
      return form;
    });
  return fc.sample(arbitrary, { numRuns: count, seed });
}

const EDGE_DAYS = ['0000-01-01', '9999-12-31', '2026-02-30'];
const EDGE_TEXT = ['\u0000', 'x'.repeat(70_000)];

/**
 * The entry's own form with one field at a time set to a value that broke a route before: NUL, a
 * 70,000-character string, and for a date the year 0000 (PostgreSQL has none), 9999 and 30 Feb.
 */
export function edgeForms(base: Form): Form[] {
  return Object.entries(base).flatMap(([key, value]) => {
    if (typeof value !== 'string') return [];
    const edges = /^\d{4}-\d{2}-\d{2}$/.test(value) ? [...EDGE_DAYS, ...EDGE_TEXT] : EDGE_TEXT;
    return edges.map((edge) => ({ ...base, [key]: edge }));
  });
}

/** A URL with its query values replaced and one generated parameter added. */
export function generatedPaths(path: string, count: number, seed: number): string[] {
  const url = new URL(path, 'http://x');
  const segments = url.pathname.split('/');
  const uuid = /^[0-9a-f-]{36}$/;
  return fc.sample(
    fc.tuple(nasty, nasty, nasty, fc.boolean()).map(([a, b, c, swapSegment]) => {
      const copy = new URL(url);
      for (const key of [...copy.searchParams.keys()]) copy.searchParams.set(key, a);
      copy.searchParams.set(['page', 'q', 'sort', 'from', 'size', 'dir'][b.length % 6]!, b);
      if (swapSegment) {
        const at = segments.findIndex((s) => uuid.test(s));
        if (at > 0) copy.pathname = segments.map((s, i) => (i === at ? encodeURIComponent(c) || '%00' : s)).join('/');
      }
      return `${copy.pathname}${copy.search}`;
    }),
    { numRuns: count, seed },
  );
}

/** A JSON body with each value replaced by a generated one, or by anything at all. */
export function generatedJson(base: Record<string, unknown>, count: number, seed: number): unknown[] {
  const keys = Object.keys(base);
  return fc.sample(
    fc.oneof(
      fc
        .tuple(...keys.map((k) => fc.oneof(fc.constant(base[k]), nasty, fc.anything({ maxDepth: 1 }))))
        .map((vs) => Object.fromEntries(keys.map((k, i) => [k, vs[i]]))),
      fc.anything({ maxDepth: 2 }),
    ),
    { numRuns: count, seed },
  );
}
