import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Layers run one way: app/ → components/ → lib/ → db/. Each zone names a folder and what it may
// not import; scripts/, testing/ and e2e/ sit beside app/ at the top and nothing below reaches them.
const TOP = ['./app', './scripts', './testing', './e2e'];
const layers = (tests) => [
  { target: './components', from: TOP, message: 'components/ must not import app/: pass the server action to the component as a prop.' },
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
    message: 'lib/adherence/ takes a bare clinic id: call lib/roster/ or lib/patients/, which take the signed-in caller.',
  },
];
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx'];

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
  {
    ignores: TEST_FILES,
    rules: { 'import/no-restricted-paths': ['error', { zones: layers([]) }] },
  },
  {
    // A test may use the factories in testing/ and the seeds in scripts/, never a layer above its own.
    files: TEST_FILES,
    rules: { 'import/no-restricted-paths': ['error', { zones: layers(['./testing', './scripts']) }] },
  },
];

export default config;
