import type { ClinicHelp } from './types';

/** The clinic's opening hours, whether it is open now, and what to do while it is closed. No client JS of its own. */
export function ClinicHours({ clinic }: { clinic: ClinicHelp }) {
  return (
    <div className="space-y-1 text-base" data-testid="clinic-hours">
      {clinic.openNow ? <p className="font-semibold">{clinic.openNow}</p> : null}
      {clinic.hours.length > 0 ? (
        <>
          <p className="sr-only">Opening hours:</p>
          <ul className="text-sm">
            {clinic.hours.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="text-sm">{clinic.closedAdvice}</p>
    </div>
  );
}
