import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Next's recommended rules (React, hooks, a11y, import) plus typescript-eslint.
const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', '.data/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
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
          selector: "ImportDeclaration[source.value='date-fns'] ImportSpecifier[imported.name=/^(format|formatDate|lightFormat|intlFormat|formatRelative|formatDistance|formatDistanceStrict|formatDistanceToNow|formatDistanceToNowStrict)$/]",
          message: 'Format dates with lib/dates.ts, which takes the timezone explicitly.',
        },
        {
          selector: "ImportDeclaration[source.value='date-fns-tz'] ImportSpecifier[imported.name=/^(format|formatInTimeZone)$/]",
          message: 'Format dates with lib/dates.ts, which takes the timezone explicitly.',
        },
        {
          selector: 'ImportDeclaration[source.value=/^date-fns(-tz)?\\/(format|formatInTimeZone|lightFormat|intlFormat|formatRelative|formatDistance)/]',
          message: 'Format dates with lib/dates.ts, which takes the timezone explicitly.',
        },
      ],
    },
  },
];

export default config;
