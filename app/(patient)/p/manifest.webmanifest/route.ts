import type { MetadataRoute } from 'next';

export const dynamic = 'force-static';

/** The patient's plan as an app on the home screen: opens /p, stays within /p. */
export function GET() {
  const manifest: MetadataRoute.Manifest = {
    name: 'RollCall: your exercises',
    short_name: 'Exercises',
    description: 'Your upper-back exercise plan from your clinic, with a hold timer and a session log.',
    start_url: '/p',
    scope: '/p',
    display: 'standalone',
    background_color: '#f6f8f7',
    theme_color: '#1f6f66',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
  return Response.json(manifest, { headers: { 'Content-Type': 'application/manifest+json' } });
}
