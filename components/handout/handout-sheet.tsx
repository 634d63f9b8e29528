import type * as React from 'react';
import { ExerciseIllustration } from '@/components/exercises/illustration';
import { HeaderRow } from '@/components/print/header-row';
import { formatDay } from '@/lib/dates';
import { daysInWords } from '@/lib/exercises/dose';
import type { Handout } from '@/lib/handout/handout';
import { SAFETY_SIGNS } from '@/lib/patient-portal/safety-signs';
import { disciplineWords } from '@/lib/referrals/rows';

const seconds = (n: number) => (n % 60 === 0 && n >= 60 ? `${n / 60} min` : `${n} s`);

type Exercise = Handout['exercises'][number];

/** One exercise's dose as a small table: hold or roll, breaths or times, sets, sessions a day, days. */
function DoseTable({ exercise: e }: { exercise: Exercise }) {
  return (
    <table className="border-collapse text-left" data-testid="handout-dose">
      <thead>
        <HeaderRow
          className="text-[9.5pt]"
          cell="border border-ink px-1.5"
          columns={[
            { label: e.timing === 'roll' ? 'Roll for' : 'Hold' },
            { label: e.repsUnit === 'breaths' ? 'Breaths' : 'Times' },
            { label: 'Sets' },
            { label: 'Sessions a day' },
            { label: 'Days' },
          ]}
        />
      </thead>
      <tbody>
        <tr>
          <td className="border border-ink px-1.5">{seconds(e.holdSeconds)}</td>
          <td className="border border-ink px-1.5">{e.reps}</td>
          <td className="border border-ink px-1.5">{e.sets}</td>
          <td className="border border-ink px-1.5">{e.sessionsPerDay}</td>
          <td className="border border-ink px-1.5">{daysInWords(e.daysOfWeek)}</td>
        </tr>
      </tbody>
    </table>
  );
}

function Box({ title, children, className }: { title: string; children: React.ReactNode; className?: string }) {
  return (
    <section className={`mt-3 break-inside-avoid-page rounded-md border-2 border-ink px-3 py-2 ${className ?? ''}`}>
      <h2 className="text-[12.5pt] font-bold">{title}</h2>
      <div className="mt-1">{children}</div>
    </section>
  );
}

/**
 * A home-exercise handout on paper: the clinic, each exercise with its drawing, steps and dose,
 * what to do when something feels wrong, where to go in person, a QR code back to the plan (or
 * what to do instead) and two weeks of log. Black on white; text at 11 pt or more.
 */
export function HandoutSheet({ handout, qr }: { handout: Handout; qr: React.ReactNode }) {
  const { clinic, plan, exercises } = handout;
  return (
    <article className="text-[11pt] leading-snug wrap-anywhere" data-testid="handout">
      <header className="flex items-start justify-between gap-4 border-b-2 border-ink pb-2">
        <div>
          <h1 className="text-[15pt] font-bold leading-tight">Home exercises for {handout.patientName}</h1>
          <p className="text-[10pt]">
            Printed {formatDay(handout.today, 'letter')}
            {plan ? ` · plan version ${plan.version} from ${formatDay(plan.effectiveDate, 'letter')}` : ''}
            {plan?.authorName ? ` · prescribed by ${plan.authorName}` : ''}
          </p>
        </div>
        <div className="shrink-0 text-right text-[10pt] leading-tight">
          <p className="text-[12pt] font-bold">{clinic.name}</p>
          {clinic.phone ? <p>Tel. {clinic.phone}</p> : null}
          {clinic.address ? <p>{clinic.address}</p> : null}
          {clinic.hours.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      </header>

      <ol className="mt-1">
        {exercises.map((e, index) => (
          <li
            key={e.id}
            className="flow-root border-b border-ink/40 py-2 leading-tight break-inside-avoid-page"
            data-testid="handout-exercise"
          >
            {e.illustration ? (
              <div className="float-left mr-3 w-[34mm] pt-0.5">
                <ExerciseIllustration name={e.illustration} title={e.name} className="h-auto w-full text-ink" />
              </div>
            ) : null}
            <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
              <h2 className="text-[12.5pt] font-bold">
                {index + 1}. {e.name}
              </h2>
              <DoseTable exercise={e} />
            </div>
            <ol className="mt-1" aria-label={`Steps for ${e.name}`}>
              {e.steps.map((step, i) => (
                <li key={step}>
                  <span className="font-semibold">{i + 1}.</span> {step}
                </li>
              ))}
            </ol>
            {e.cues.length ? <p className="mt-1">Tips: {e.cues.join(' · ')}</p> : null}
            {e.patientNote ? (
              <p className="mt-1 whitespace-pre-wrap">
                <span className="font-semibold">From your practitioner:</span> {e.patientNote}
              </p>
            ) : null}
          </li>
        ))}
      </ol>

      <Box title="Stop and get help" className="border-[3px] leading-tight">
        <p>
          Stop the exercise and come off the roller slowly: roll onto your side, then push up with your arms. Roll only
          the upper back, between the shoulder blades: never the neck or the lower back.
        </p>
        <p className="mt-1.5 font-bold" data-testid="handout-emergency">
          Chest pain, or getting out of breath: stop and call {clinic.emergencyNumber} now.
        </p>
        <ul className="mt-1.5 grid gap-x-4 gap-y-1 leading-tight sm:grid-cols-2 print:grid-cols-2">
          {SAFETY_SIGNS.map(({ sign, action }) => (
            <li key={sign}>
              <span className="font-semibold">{sign}:</span> {action}
            </li>
          ))}
        </ul>
        <p className="mt-1.5">
          Questions or worries: call {clinic.name}
          {clinic.phone ? ` on ${clinic.phone}` : ''}. {clinic.closedAdvice}
        </p>
        <p className="mt-1.5">
          This sheet reminds you of what your practitioner showed you. It does not replace their care or a doctor’s.
        </p>
      </Box>

      <div className="mt-4 grid gap-4 break-inside-avoid-page sm:grid-cols-2 print:grid-cols-2">
        <section className="rounded-md border border-ink p-3">
          <h2 className="text-[12.5pt] font-bold">Your plan on your phone</h2>
          <div className="mt-1">{qr}</div>
        </section>
        <section className="rounded-md border border-ink p-3" data-testid="handout-care">
          <h2 className="text-[12.5pt] font-bold">Seeing someone in person</h2>
          <ul className="mt-1 space-y-1">
            {handout.care.map((c) => (
              <li key={`${c.referralId ?? 'clinic'}-${c.name}`}>
                <span className="font-semibold">{c.name}</span>
                {c.discipline === 'clinic' ? ' (your clinic)' : ` · ${disciplineWords(c.discipline)}`}
                {c.phone ? ` · ${c.phone}` : ''}
                {c.address ? <span className="block text-[10pt]">{c.address}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section className="mt-4 break-inside-avoid-page" aria-labelledby="log-heading" data-testid="handout-log">
        <h2 id="log-heading" className="text-[12.5pt] font-bold">
          Your log for the next two weeks
        </h2>
        <p>Tick a box for each session you do. Rate your pain from 0 (none) to 10 (worst) before and after.</p>
        <table className="mt-1 w-full border-collapse text-left">
          <thead>
            <HeaderRow
              className="text-[10pt]"
              cell="border border-ink px-1.5 py-0.5"
              columns={[
                { label: 'Day' },
                { label: 'Sessions' },
                { label: 'Pain before', className: 'w-[17mm]' },
                { label: 'Pain after', className: 'w-[17mm]' },
                { label: 'Notes', className: 'w-[45%]' },
              ]}
            />
          </thead>
          <tbody>
            {handout.logDays.map((d) => (
              <tr key={d.day} className="h-[6.5mm]">
                <th scope="row" className="whitespace-nowrap border border-ink px-1.5 font-normal">
                  {d.label}
                </th>
                <td className="whitespace-nowrap border border-ink px-1.5">
                  {d.sessions ? (
                    <span className="flex gap-1.5">
                      <span className="sr-only">
                        {d.sessions} session{d.sessions === 1 ? '' : 's'}
                      </span>
                      {Array.from({ length: d.sessions }, (_, i) => (
                        <span key={i} aria-hidden className="inline-block size-[4.5mm] border-[1.5px] border-ink" />
                      ))}
                    </span>
                  ) : (
                    <span className="text-[10pt]">Rest day</span>
                  )}
                </td>
                <td className="border border-ink" />
                <td className="border border-ink" />
                <td className="border border-ink" />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
