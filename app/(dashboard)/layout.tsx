import type * as React from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { Toaster } from '@/components/ui/toaster';
import { requirePractitioner } from '@/lib/auth/guard';
import { clinicOf } from '@/lib/clinic/clinic';
import { signOutAction } from './actions';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePractitioner();
  const clinic = await clinicOf(actor);
  return (
    <AppShell
      clinicName={clinic.name}
      userName={actor.name}
      isAdmin={actor.role === 'admin'}
      signOutAction={signOutAction}
    >
      {children}
      <Toaster />
    </AppShell>
  );
}
