import { BellOff } from 'lucide-react';
import type { Metadata } from 'next';
import { AlertCard } from '@/components/alerts/alert-card';
import { EmptyState } from '@/components/ui/empty-state';
import { PillNav } from '@/components/ui/pill-nav';
import { PageHeader } from '@/components/ui/page-header';
import { toAlertCard } from '@/lib/alert-view';
import { ALERT_FILTERS, clinicAlerts } from '@/lib/alerts';
import { requirePractitioner } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Alerts' };

const LABELS = { active: 'Needs action', open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved' } as const;

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePractitioner();
  const { status } = await searchParams;
  const filter = (ALERT_FILTERS as readonly string[]).includes(String(status)) ? (status as (typeof ALERT_FILTERS)[number]) : 'active';
  const list = await clinicAlerts(actor, filter);
  return (
    <>
      <PageHeader title="Alerts" description="Red flags reported by patients when they log a session. Acknowledge what you have seen; resolve with a note once you have acted." />
      <PillNav
        label="Alert status"
        items={(['active', 'open', 'acknowledged', 'resolved'] as const).map((f) => ({ href: f === 'active' ? '/alerts' : `/alerts?status=${f}`, label: LABELS[f], current: f === filter }))}
      />
      {list.length === 0 ? (
        <EmptyState icon={BellOff} title={filter === 'active' ? 'Nothing needs action' : `No ${LABELS[filter].toLowerCase()} alerts`}>
          Red flags from patients’ session logs appear here as soon as they are sent.
        </EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {list.map((a) => (
            <AlertCard key={a.id} alert={toAlertCard(a)} />
          ))}
        </div>
      )}
    </>
  );
}
