import type { Metadata, Viewport } from 'next';
import type * as React from 'react';

export const metadata: Metadata = {
  title: 'Your exercises',
  robots: { index: false, follow: false },
  manifest: '/p/manifest.webmanifest',
  appleWebApp: { capable: true, title: 'Exercises', statusBarStyle: 'default' },
  icons: { apple: '/icons/apple-touch-icon.png' },
};
export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1f6f66' };

/** Phone first: one readable column, no practitioner navigation. */
export default function PatientLayout({ children }: { children: React.ReactNode }) {
  return <main className="mx-auto w-full max-w-xl px-4 pb-16 pt-4 sm:pt-8">{children}</main>;
}
