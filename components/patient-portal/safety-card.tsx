import { AlertTriangle } from 'lucide-react';
import { CallClinicLink, CallEmergencyLink } from './call-clinic-link';
import { ClinicHours } from './clinic-hours';
import type { ClinicHelp } from './types';
import { SAFETY_SIGNS } from '@/lib/patient-portal/safety-signs';

export type SafetyCardProps = { clinic: ClinicHelp };

/** "If something feels wrong": what to do, in plain words, with the clinic's number. No client JS. */
export function SafetyCard({ clinic }: SafetyCardProps) {
  return (
    <section
      aria-labelledby="safety-card-heading"
      className="rounded-xl border-2 border-amber-200 bg-white p-4 text-base text-ink wrap-anywhere"
    >
      <h2 id="safety-card-heading" className="flex items-center gap-2 text-xl font-semibold">
        <AlertTriangle className="size-6 shrink-0 text-warning" aria-hidden />
        If something feels wrong
      </h2>
      <p className="mt-2">
        Stop the exercise. Come off the roller slowly: roll onto your side, then push yourself up with your arms.
      </p>
      <ul className="mt-3 space-y-3">
        <li className="space-y-2 rounded-md border-2 border-danger bg-red-50 p-3">
          <p className="font-semibold">Chest pain, or getting out of breath</p>
          <p className="font-semibold text-danger">Stop. Call {clinic.emergencyNumber} now.</p>
          <CallEmergencyLink number={clinic.emergencyNumber} />
        </li>
        {SAFETY_SIGNS.map(({ sign, action }) => (
          <li key={sign} className="border-l-4 border-line pl-3">
            <p className="font-semibold">{sign}</p>
            <p>{action}</p>
          </li>
        ))}
      </ul>
      <div className="mt-4 space-y-2 border-t border-line pt-4">
        <p>
          Your clinic: <span className="font-semibold">{clinic.name}</span>
        </p>
        {clinic.phone ? (
          <CallClinicLink clinic={clinic} phone={clinic.phone} tone="plain" />
        ) : (
          <p>Contact your clinic if you are unsure about anything.</p>
        )}
        <ClinicHours clinic={clinic} />
      </div>
    </section>
  );
}
