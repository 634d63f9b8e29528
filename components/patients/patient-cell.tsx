import Link from 'next/link';
import type * as React from 'react';
import { Badge } from '@/components/ui/badge';

/** The patient column of the dashboard and the roster: the name, to their page, over one line of detail. */
export function PatientCell({
  patientId,
  name,
  discharged = false,
  detail,
}: {
  patientId: string;
  name: string;
  discharged?: boolean;
  detail: React.ReactNode;
}) {
  return (
    <div>
      <Link href={`/patients/${patientId}`} className="font-medium text-brand-800 underline-offset-4 hover:underline">
        {name}
      </Link>
      {discharged ? (
        <Badge tone="neutral" className="ml-2">
          Discharged
        </Badge>
      ) : null}
      <div className="text-xs text-muted">{detail}</div>
    </div>
  );
}
