import { ScrollText } from 'lucide-react';
import type { Metadata } from 'next';
import { AuditFilters } from '@/components/audit/audit-filters';
import { type AuditRowView, AuditTable } from '@/components/audit/audit-table';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { auditActionLabel } from '@/lib/audit/action-names';
import { type AuditTrailRow, auditFilterChoices, auditTrailPage } from '@/lib/audit/trail';
import { parseAuditQuery } from '@/lib/audit/trail-query';
import { requireAdmin } from '@/lib/auth/guard';
import { clinicOf } from '@/lib/clinic/clinic';
import { formatDateTime } from '@/lib/dates';

export const metadata: Metadata = { title: 'Audit trail' };

const whoDid = (r: AuditTrailRow) =>
  r.actorName ??
  (r.actorLinkId ? 'Patient, with their link' : r.actorUserId ? 'A former practitioner' : 'No one signed in');

const detailText = (detail: Record<string, unknown> | null) =>
  detail
    ? Object.entries(detail)
        .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
        .join(' · ')
    : null;

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireAdmin();
  const params = await searchParams;
  const { query, fieldErrors } = parseAuditQuery(params);
  const [page, choices, clinic] = await Promise.all([
    auditTrailPage(actor, query),
    auditFilterChoices(actor),
    clinicOf(actor),
  ]);
  if (!page.ok) throw new Error(page.message);
  const exportQuery = new URLSearchParams(
    Object.entries({
      patient: query.patient,
      actor: query.actor,
      action: query.action,
      from: query.from,
      to: query.to,
      dir: query.dir,
    }).filter(([, v]) => v),
  );
  const rows: AuditRowView[] = page.value.rows.map((r) => ({
    id: String(r.id),
    when: formatDateTime(r.at, clinic.timezone),
    action: r.action,
    actionLabel: auditActionLabel(r.action),
    outcome: r.outcome,
    who: whoDid(r),
    patientId: r.patientId,
    patientName: r.patientName,
    subject: `${r.subjectType}${r.subjectId ? ` ${r.subjectId}` : ''}`,
    detail: detailText(r.detail),
    clientAddress: r.clientAddress,
  }));
  const nothingYet =
    page.value.total === 0 && !query.patient && !query.actor && !query.action && !query.from && !query.to;
  return (
    <>
      <PageHeader
        title="Audit trail"
        description={`Who read or changed what in your clinic, oldest rows kept unchanged. Times in the clinic’s timezone (${clinic.timezone.replaceAll('_', ' ')}).`}
      />
      {Object.keys(fieldErrors).length ? (
        <Notice tone="danger" live className="mb-4">
          Some dates could not be used, so they were left out of the filter.
        </Notice>
      ) : null}
      <AuditFilters
        query={query}
        fieldErrors={fieldErrors}
        practitioners={choices.practitioners}
        patients={choices.patients}
        exportHref={`/api/exports/audit.csv${exportQuery.size ? `?${exportQuery}` : ''}`}
      />
      {nothingYet ? (
        <EmptyState icon={ScrollText} title="Nothing recorded yet">
          Views, changes, exports and sign-ins appear here as your team works.
        </EmptyState>
      ) : (
        <AuditTable rows={rows} total={page.value.total} query={query} />
      )}
    </>
  );
}
