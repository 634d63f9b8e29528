import { BellOff } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AlertCard } from '@/components/alerts/alert-card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { toAlertCard } from '@/lib/alert-view';
import { ALERT_FILTERS, clinicAlerts } from '@/lib/alerts';
import { requirePractitioner } from '@/lib/auth/guard';
import { cn } from '@/lib/utils';

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
      <nav aria-label="Alert status" className="mb-4 flex flex-wrap gap-2">
        {(['active', 'open', 'acknowledged', 'resolved'] as const).map((f) => (
          <Link
            key={f}
            href={f === 'active' ? '/alerts' : `/alerts?status=${f}`}
            aria-current={f === filter ? 'page' : undefined}
            className={cn('rounded-full border px-3 py-1 text-sm', f === filter ? 'border-brand-600 bg-brand-50 text-brand-800' : 'border-line bg-white text-muted hover:text-ink')}
          >
            {LABELS[f]}
          </Link>
        ))}
      </nav>
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
