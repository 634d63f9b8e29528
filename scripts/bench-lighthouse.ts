// npm run bench:lighthouse — builds the app, serves it on a fresh embedded database, and runs
// Lighthouse (pinned 12.2.3: later releases need Node 22) on the patient's phone page, mobile,
// in the machine's Chromium. Prints the four category scores (0–100) and the key timings as JSON.
//   --no-build   measure the existing build
//   --runs N     median of N runs (default 3)
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { DEMO_PATIENT_LINK } from '@/scripts/seed/demo-accounts';
import { serveBuild } from './serve-build';

const runsArg = process.argv.indexOf('--runs');
const runs = Math.max(1, Number(runsArg > 0 ? process.argv[runsArg + 1] : 3) || 3);
const chromePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';

const { base, stop } = await serveBuild('bench-lighthouse', Number(process.env.BENCH_PORT ?? 3210));
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

try {
  const open = await fetch(`${base}/p/${DEMO_PATIENT_LINK.token}`, { redirect: 'manual' });
  const cookie = open.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('demo link did not set the patient cookie');
  /** Median scores of `runs` Lighthouse runs on one page. */
  const measure = async (path: string) => {
    const results: Record<string, number>[] = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(
        `${base}${path}`,
        { port: chrome.port, output: 'json', logLevel: 'error', extraHeaders: { Cookie: cookie } },
        {
          extends: 'lighthouse:default',
          settings: { formFactor: 'mobile', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] },
        },
      );
      if (!result) throw new Error('Lighthouse returned nothing');
      const { categories, audits } = result.lhr;
      const score = (k: string) => Math.round((categories[k]?.score ?? 0) * 100);
      const ms = (k: string) => Math.round(audits[k]?.numericValue ?? Number.NaN);
      results.push({
        performance: score('performance'),
        accessibility: score('accessibility'),
        best_practices: score('best-practices'),
        seo: score('seo'),
        first_contentful_paint_ms: ms('first-contentful-paint'),
        largest_contentful_paint_ms: ms('largest-contentful-paint'),
        total_blocking_time_ms: ms('total-blocking-time'),
        cumulative_layout_shift: Number((audits['cumulative-layout-shift']?.numericValue ?? Number.NaN).toFixed(3)),
      });
    }
    const keys = Object.keys(results[0] ?? {});
    return Object.fromEntries(keys.map((k) => [k, median(results.map((r) => r[k] ?? Number.NaN))]));
  };
  // The floor: the app's smallest page (no client code of its own), measured the same way, since
  // absolute scores on a 2-core machine with Lighthouse's 4x CPU slowdown drift from run to run.
  const patient = await measure('/p');
  const floor = await measure('/p/inactive');
  console.log(
    JSON.stringify(
      {
        form_factor: 'mobile',
        runs,
        patient_page: { path: '/p', ...patient },
        floor_page: { path: '/p/inactive', ...floor },
        // SEO is low by design: patient pages are noindex, nofollow.
        goal: { performance: 95, accessibility: 100 },
      },
      null,
      2,
    ),
  );
} finally {
  await chrome.kill();
  stop();
}
