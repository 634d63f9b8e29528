import type * as React from 'react';

/** Pages made for paper: no app shell, a grey desk on screen, nothing but the sheet in print. */
export default function PrintLayout({ children }: { children: React.ReactNode }) {
  return <div className="min-h-dvh bg-neutral-200 print:bg-white">{children}</div>;
}
