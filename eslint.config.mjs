import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Layers run one way: app/ → components/ → lib/ → db/. Each zone names a folder and what it may
// not import; scripts/, testing/ and e2e/ sit beside app/ at the top and nothing below reaches them.
const TOP = ['./app', './scripts', './testing', './e2e'];
const layers = (tests) => [
  {
    target: './components',
    from: TOP,
    message: 'components/ must not import app/: pass the server action to the component as a prop.',
  },
  {
    target: './lib',
    from: ['./components', ...TOP.filter((f) => !tests.includes(f))],
    message: 'lib/ must not import components/ or the top layer: move the shared type or constant into lib/.',
  },
  {
    target: './db',
    from: ['./lib', './components', ...TOP.filter((f) => !tests.includes(f))],
    message: 'db/ must not import from above it: declare column types with the schema.',
  },
  {
    // Its functions take a bare clinic id; pages reach them through ones that take the caller.
    target: ['./app', './components'],
    from: './lib/adherence',
    message:
      'lib/adherence/ takes a bare clinic id: call lib/roster/ or lib/patients/, which take the signed-in caller.',
  },
];
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx'];

// Next's recommended rules (React, hooks, a11y, import) plus typescript-eslint.
const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      'db/migrations/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    ignores: TEST_FILES,
    rules: { 'import/no-restricted-paths': ['error', { zones: layers([]) }] },
  },
  {
    // A test may use the factories in testing/ and the seeds in scripts/, never a layer above its own.
    files: TEST_FILES,
    rules: { 'import/no-restricted-paths': ['error', { zones: layers(['./testing', './scripts']) }] },
  },
  // Dates and times are written only in lib/dates.ts, each for a timezone its caller names (the
  // patient's or the clinic's): anywhere else these format in the server's or the browser's zone,
  // and the same session reads "Yesterday" on one page and "2 days ago" on the next.
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['lib/dates.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Intl'][property.name=/^(DateTimeFormat|RelativeTimeFormat)$/]",
          message: 'Format dates with lib/dates.ts, which takes the timezone explicitly.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]',
          message: 'Format dates with lib/dates.ts, which takes the timezone explicitly.',
        },
        {
          selector:
            "ImportDeclaration[source.value='date-fns'] ImportSpecifier[imported.name=/^(format|formatDate|lightFormat|intlFormat|formatRelative|formatDistance|formatDistanceStrict|formatDistanceToNow|formatDistanceToNowStrict)$/]",
          message: 'Format dates with lib/dates.ts, which takes the timezone explicitly.',
        },
        {
          selector:
            "ImportDeclaration[source.value='date-fns-tz'] ImportSpecifier[imported.name=/^(format|formatInTimeZone)$/]",
          message: 'Format dates with lib/dates.ts, which takes the timezone explicitly.',
        },
        {
          selector:
            'ImportDeclaration[source.value=/^date-fns(-tz)?\\/(format|formatInTimeZone|lightFormat|intlFormat|formatRelative|formatDistance)/]',
          message: 'Format dates with lib/dates.ts, which takes the timezone explicitly.',
        },
      ],
    },
  },
];

export default config;
