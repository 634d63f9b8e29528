// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Don't advertise the framework to scanners.
  poweredByHeader: false,
  // PGlite ships WebAssembly and data files that break when bundled; argon2 is a native addon;
  // rate-limiter-flexible loads drizzle-orm with a runtime import the bundler cannot follow;
  // @touch4it/ical-timezones reads its zone files from beside itself at run time.
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@node-rs/argon2',
    'rate-limiter-flexible',
    'pino',
    '@touch4it/ical-timezones',
  ],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 for non-admins on admin pages.
    authInterrupts: true,
    // The directory's CSV import takes files up to 5 MB (lib/directory/provider-csv.ts), sent as a form.
    serverActions: { bodySizeLimit: '6mb' },
  },
  async headers() {
    // Static security headers; the nonce-based CSP and HSTS are set per request in proxy.ts.
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
      {
        // Route handlers answer JSON, CSV or text, never a page: a policy that allows nothing, in
        // case a browser is ever made to render one. (Pages get theirs, with a nonce, in proxy.ts.)
        source: '/api/:path*',
        headers: [
          {
            key: 'Content-Security-Policy',
            value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
          },
        ],
      },
      {
        source: '/p/log',
        headers: [
          {
            key: 'Content-Security-Policy',
            value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
          },
        ],
      },
      {
        // The patient's offline worker: always checked for a new version.
        source: '/sw.js',
        headers: [
          { key: 'Cache-Control', value: 'no-cache' },
          { key: 'Content-Type', value: 'application/javascript; charset=utf-8' },
        ],
      },
      {
        // Patient pages: no referrer at all, so nothing of the address leaves the page.
        source: '/p/:path*',
        headers: [
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
        ],
      },
      {
        source: '/p',
        headers: [
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
        ],
      },
    ];
  },
};

export default nextConfig;
