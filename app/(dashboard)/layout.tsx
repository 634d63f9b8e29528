import type * as React from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { Toaster } from '@/components/ui/toaster';
import { openAlertCount } from '@/lib/alerts/alerts';
import { requirePractitioner } from '@/lib/auth/guard';
import { clinicOf } from '@/lib/clinic/clinic';
import { signOutAction } from './actions';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePractitioner();
  const [clinic, openAlerts] = await Promise.all([clinicOf(actor), openAlertCount(actor)]);
  return (
    <AppShell
      clinicName={clinic.name}
      userName={actor.name}
      isAdmin={actor.role === 'admin'}
      openAlerts={openAlerts}
      signOutAction={signOutAction}
    >
      {children}
      <Toaster />
    </AppShell>
  );
}
