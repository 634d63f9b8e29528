import type * as React from 'react';
import { requireAdmin } from '@/lib/auth/guard';

/** Admins only, checked before loading.tsx streams anything, so others get a real 403. */
export default async function AuditLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return children;
}
