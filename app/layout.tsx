import type { Metadata, Viewport } from 'next';
import type * as React from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'RollCall', template: '%s · RollCall' },
  description: 'Thoracic mobility home-exercise plans that clinics assign and patients actually follow.',
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1f6f66' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans antialiased">{children}</body>
    </html>
  );
}
