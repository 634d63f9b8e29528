import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nasty } from './nasty-values';

// Issue 16 item 11: every zod schema in lib/ is fed generated values, shaped as a form would send
// them (its own field names, strings and lists of strings, some missing, some extra) and shaped as
// nothing a form would send. Parsing never throws, and every refusal names what is wrong.

/** Every non-test module under lib/ that uses zod, so a schema added later is covered too. */
function schemaModules(dir = 'lib'): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return schemaModules(file);
    if (!/\.ts$/.test(entry.name) || /\.test\.ts$/.test(entry.name)) return [];
    return fs.readFileSync(file, 'utf8').includes("from 'zod'") ? [file] : [];
  });
}

type Named = { name: string; schema: z.ZodType };

async function exportedSchemas(): Promise<Named[]> {
  const found: Named[] = [];
  for (const file of schemaModules()) {
    const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (value instanceof z.ZodType) found.push({ name: `${file}#${name}`, schema: value });
    }
  }
  return found;
}

type Def = { type: string; shape?: Record<string, unknown>; [key: string]: unknown };
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } })?._zod?.def;

/** The field names a schema reads, through pipes, refinements, defaults, unions and intersections. */
function fieldNames(schema: unknown, seen = new Set<unknown>()): string[] {
  const def = defOf(schema);
  if (!def || seen.has(schema)) return [];
  seen.add(schema);
  if (def.type === 'object' && def.shape) return Object.keys(def.shape);
  const inner = ['innerType', 'in', 'out', 'left', 'right', 'schema']
    .map((k) => def[k])
    .concat(Array.isArray(def.options) ? def.options : []);
  return [...new Set(inner.flatMap((s) => fieldNames(s, seen)))];
}

const formValue = fc.oneof(
  { weight: 4, arbitrary: nasty },
  { weight: 1, arbitrary: fc.array(nasty, { maxLength: 3 }) },
);

/** A form for this schema: its own fields (some missing), plus a few it does not know. */
const formFor = (names: string[], value: fc.Arbitrary<unknown> = formValue) =>
  fc
    .tuple(
      fc.record(Object.fromEntries(names.map((n) => [n, value])), { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom('clinicId', 'role', 'userId', 'patientId', '__proto__', 'x'), nasty, {
        maxKeys: 2,
      }),
    )
    .map(([known, extra]) => ({ ...extra, ...known }));

/** zod's own English, which tells a person nothing about the field ("Invalid input: expected string"). */
const ZOD_DEFAULT = /^(Invalid (input|option)|Too (big|small)|Expected |Unrecognized )/;
/**
 * Lists and records come from a form's own reader (ticked boxes, the plan editor's rows), never
 * from what a person typed; a schema whose input is not a form at all is exempt.
 */
const BUILT_BY_READER = /expected (array|record)/;
const NOT_A_FORM = ['#progressionThresholds', '#sessionLogSchema'];

/** Anything at all, for schemas of a query string, a JSON body or a single value. */
const anything = fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: true, withDate: true });

describe('every schema under lib/, fed generated values', async () => {
  const schemas = await exportedSchemas();

  it('finds the schemas (a new one is picked up without being listed here)', () => {
    expect(schemas.length).toBeGreaterThanOrEqual(30);
    console.info(`[schemas] ${schemas.length} zod schemas under lib/`);
  });

  it.each(schemas.map((s) => [s.name, s] as const))(
    '%s: parses or refuses with messages, never throws',
    async (_, { schema }) => {
      const names = fieldNames(schema);
      const input = names.length
        ? fc.oneof({ weight: 4, arbitrary: formFor(names) }, { weight: 1, arbitrary: anything })
        : anything;
      await fc.assert(
        fc.asyncProperty(input, async (value) => {
          const result = await schema.safeParseAsync(value);
          if (result.success) return;
          expect(result.error.issues.length).toBeGreaterThan(0);
          for (const issue of result.error.issues) {
            expect(typeof issue.message).toBe('string');
            expect(issue.message.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 400, seed: 16_11 },
      );
    },
  );

  const forms = schemas.filter((s) => fieldNames(s.schema).length && !NOT_A_FORM.some((n) => s.name.includes(n)));

  it.each(forms.map((s) => [s.name, s] as const))(
    '%s: a typed or missing field is refused in words a person reads',
    async (_, { schema }) => {
      await fc.assert(
        fc.asyncProperty(formFor(fieldNames(schema), nasty), async (value) => {
          const result = await schema.safeParseAsync(value);
          const unclear = (result.error?.issues ?? [])
            .filter((issue) => ZOD_DEFAULT.test(issue.message) && !BUILT_BY_READER.test(issue.message))
            .map((issue) => `${issue.path.join('.')}: ${issue.message}`);
          expect(unclear).toEqual([]);
        }),
        { numRuns: 300, seed: 16_11 },
      );
    },
  );
});
