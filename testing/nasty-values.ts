import fc from 'fast-check';

/** Strings an attacker, a broken client or a careless paste would send. */
export const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.uuid().map(String),
  fc
    .date({ noInvalidDate: true, min: new Date(-62_000_000_000_000), max: new Date(253_000_000_000_000) })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202e',
    '0000-01-01',
    '9999-12-31',
    '2026-02-30',
    '-1',
    '1e309',
    'NaN',
    'Infinity',
    '__proto__',
    'constructor',
    'null',
    'true',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '＝1+1',
    'x'.repeat(70_000),
  ),
);

/** Days a date field should refuse or take: out of any range, impossible, or anywhere in 10,000 years. */
export const nastyDay = fc.oneof(
  fc.constantFrom('0000-01-01', '0001-01-01', '9999-12-31', '2026-02-30', '2026-13-01', '+012026-01-01', '1899-12-31'),
  fc
    .date({ noInvalidDate: true, min: new Date(-62_000_000_000_000), max: new Date(253_000_000_000_000) })
    .map((d) => d.toISOString().slice(0, 10)),
);
