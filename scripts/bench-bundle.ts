// npm run bench:bundle — builds the app, serves it on a fresh embedded database, and prints the
// first-load JavaScript (gzip bytes) of the patient's phone page next to that of the smallest
// page of the same app (/p/inactive, no client code of its own: the framework's floor), as JSON.
//   --no-build   measure the existing build
import zlib from 'node:zlib';
import { DEMO_PATIENT_LINK } from '@/scripts/seed/demo-accounts';
import { serveBuild } from './serve-build';

const { base, stop } = await serveBuild('bench-bundle', Number(process.env.BENCH_PORT ?? 3200));

const gz = new Map<string, number>();
async function scriptBytes(src: string): Promise<number> {
  const cached = gz.get(src);
  if (cached !== undefined) return cached;
  const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
  const size = zlib.gzipSync(body, { level: 9 }).length;
  gz.set(src, size);
  return size;
}

/** Every script a first visit loads: external chunks plus inline scripts (the RSC payload included). */
async function firstLoad(url: string, cookie?: string) {
  const html = await (await fetch(url, { headers: cookie ? { cookie } : {} })).text();
  // Modern browsers skip nomodule polyfills, so they are not part of the first load.
  const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)].filter(
    (m) => !/nomodule/i.test(`${m[1]}${m[3]}`),
  );
  const srcs = [...new Set(tags.map((m) => m[2]!))];
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('');
  const external = (await Promise.all(srcs.map(scriptBytes))).reduce((a, b) => a + b, 0);
  return {
    external_gzip_bytes: external,
    inline_gzip_bytes: zlib.gzipSync(inline, { level: 9 }).length,
    scripts: srcs.length,
  };
}

try {
  const open = await fetch(`${base}/p/${DEMO_PATIENT_LINK.token}`, { redirect: 'manual' });
  const cookie = open.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('demo link did not set the patient cookie');
  const patient = await firstLoad(`${base}/p`, cookie);
  const floor = await firstLoad(`${base}/p/inactive`);
  console.log(
    JSON.stringify(
      {
        patient_page: { path: '/p', ...patient },
        floor_page: { path: '/p/inactive', ...floor },
        ratio_external: Number((patient.external_gzip_bytes / floor.external_gzip_bytes).toFixed(3)),
        target_ratio: 1.5,
      },
      null,
      2,
    ),
  );
} finally {
  stop();
}
