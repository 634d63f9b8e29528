'use client';

import { Toaster as Sonner } from 'sonner';

/** Bottom right: a toast never covers the page header's buttons. */
export function Toaster() {
  return <Sonner position="bottom-right" richColors closeButton toastOptions={{ duration: 5000 }} />;
}
