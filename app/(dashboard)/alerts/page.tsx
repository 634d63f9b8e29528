import { BellOff } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { AlertCard } from '@/components/alerts/alert-card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { PageLink } from '@/components/ui/page-link';
import { PillNav } from '@/components/ui/pill-nav';
import { toAlertCard } from '@/lib/alerts/alert-view';
import { ALERT_FILTERS, ALERT_PAGE_SIZE, type AlertFilter, alertInbox } from '@/lib/alerts/alerts';
import { requirePractitioner } from '@/lib/auth/guard';
import { alertAction } from './actions';

export const metadata: Metadata = { title: 'Alerts' };

const LABELS = { active: 'Needs action', open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved' } as const;

// Anything else in the address (an old link, a typo) shows the first page of what needs action.
const inboxQuery = z.object({
  status: z.enum(ALERT_FILTERS).catch('active'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const hrefOf = (status: AlertFilter, page = 1) => {
  const params = new URLSearchParams();
  if (status !== 'active') params.set('status', status);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/alerts?${query}` : '/alerts';
};

export default async function AlertsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePractitioner();
  const raw = await searchParams;
  const { status, page } = inboxQuery.parse({ status: raw.status, page: raw.page });
  const inbox = await alertInbox(actor, status, page);
  const first = (inbox.page - 1) * ALERT_PAGE_SIZE + 1;
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Red flags reported by patients when they log a session. Acknowledge what you have seen; resolve with a note once you have acted."
      />
      <PillNav
        label="Alert status"
        items={(['active', 'open', 'acknowledged', 'resolved'] as const).map((f) => ({
          href: hrefOf(f),
          label: LABELS[f],
          current: f === status,
        }))}
      />
      {inbox.alerts.length === 0 ? (
        <EmptyState
          icon={BellOff}
          title={
            inbox.total > 0
              ? 'No alerts on this page'
              : status === 'active'
                ? 'Nothing needs action'
                : `No ${LABELS[status].toLowerCase()} alerts`
          }
        >
          {inbox.total > 0 ? (
            <Link href={hrefOf(status)} className="text-brand-700 underline underline-offset-4">
              Go to the first page
            </Link>
          ) : (
            'Red flags from patients’ session logs appear here as soon as they are sent.'
          )}
        </EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {inbox.alerts.map((a) => (
            <AlertCard key={a.id} alert={toAlertCard(a)} action={alertAction} />
          ))}
        </div>
      )}
      {inbox.total > ALERT_PAGE_SIZE ? (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-end gap-3 text-sm text-muted">
          <span data-testid="alerts-range">
            {first}–{first + inbox.alerts.length - 1} of {inbox.total}
          </span>
          <PageLink href={hrefOf(status, inbox.page - 1)} disabled={inbox.page <= 1} direction="previous" />
          <PageLink href={hrefOf(status, inbox.page + 1)} disabled={inbox.page >= inbox.pages} direction="next" />
        </nav>
      ) : null}
    </>
  );
}
