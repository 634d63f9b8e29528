import { ArrowDownRight, ArrowUpRight } from 'lucide-react';
import Link from 'next/link';
import type { ProgressionEntry } from '@/lib/progression/dashboard';

function Group({
  id,
  title,
  empty,
  entries,
  Icon,
}: {
  id: string;
  title: string;
  empty: string;
  entries: ProgressionEntry[];
  Icon: typeof ArrowUpRight;
}) {
  return (
    <section aria-labelledby={id} className="min-w-0">
      <h3 id={id} className="mb-2 flex items-center gap-2 font-semibold">
        <Icon className="size-4" aria-hidden /> {title}
      </h3>
      {entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white p-3 text-sm text-muted">{empty}</p>
      ) : (
        <ul className="space-y-2" data-testid={id}>
          {entries.map((e) => (
            <li key={e.patientId} className="rounded-lg border border-line bg-white p-3 text-sm">
              <Link
                href={`/patients/${e.patientId}/plan`}
                className="font-medium text-brand-800 underline-offset-4 hover:underline"
              >
                {e.patientName}
              </Link>
              <p className="mt-0.5">{e.headline}</p>
              <p className="mt-0.5 text-muted">{e.reasons.join(' · ')}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The dashboard's progression groups: who is ready for the next step, and who should step down. */
export function ProgressionGroups({
  readyToProgress,
  stepDown,
}: {
  readyToProgress: ProgressionEntry[];
  stepDown: ProgressionEntry[];
}) {
  return (
    <section aria-labelledby="progression-heading" className="mb-8">
      <h2 id="progression-heading" className="mb-3 text-lg font-semibold">
        Progression
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        <Group
          id="ready-to-progress"
          title="Ready to progress"
          empty="Nobody has earned a step up yet: a week of sessions done with little pain."
          entries={readyToProgress}
          Icon={ArrowUpRight}
        />
        <Group
          id="step-down"
          title="Step down"
          empty="Nobody needs a lighter plan: no red flags, high or rising pain."
          entries={stepDown}
          Icon={ArrowDownRight}
        />
      </div>
    </section>
  );
}
