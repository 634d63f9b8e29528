import { HeaderRow } from '@/components/print/header-row';
import { openingHoursLines } from '@/lib/clinic/opening-hours';
import { formatDay, formatDateTime } from '@/lib/dates';
import { disciplineWords } from '@/lib/referrals/rows';
import type { ReferralLetter as Letter } from '@/lib/referrals/letter';
import { REQUEST_LABELS, URGENCY_LABELS } from '@/lib/referrals/status';
import { CONTRAINDICATIONS } from '@/lib/screening/contraindications';
import { positiveFindings } from '@/lib/screening/evaluate';
import { DISCIPLINE_LABELS } from '@/lib/validation/account';
import { doseInWords } from '@/lib/exercises/dose';

/** What the letter asks the provider to do, as the end of "I would be grateful if you would …". */
const ASK: Record<keyof typeof REQUEST_LABELS, string> = {
  assess: 'assess this patient',
  treat: 'treat this patient',
  assess_and_report: 'assess this patient and let me know what you find',
};

const percent = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)} %`);
const pain = (n: number | null) => (n === null ? '—' : n.toFixed(1));

/** The short reference the provider quotes back. */
export const letterReference = (referralId: string) => `R-${referralId.slice(0, 8).toUpperCase()}`;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mt-4 break-inside-avoid-page">
      <h2 className="border-b border-ink/60 pb-0.5 text-[11pt] font-semibold">{title}</h2>
      <div className="mt-1.5">{children}</div>
    </section>
  );
}

/** A referral letter on paper: letterhead, recipient, the patient's findings and programme, and the ask. */
export function ReferralLetter({ letter }: { letter: Letter }) {
  const { clinic, referral, provider, patient, referrer, screening, plan, weeks } = letter;
  const hours = openingHoursLines(clinic.openingHours);
  const findings = screening ? positiveFindings(screening.answers) : [];
  const negatives = screening
    ? CONTRAINDICATIONS.filter((c) => screening.answers[c.code] && !screening.answers[c.code]!.present)
    : [];
  const unanswered = screening ? CONTRAINDICATIONS.filter((c) => !screening.answers[c.code]) : [];
  const contact = [referrer.email, clinic.phone].filter(Boolean).join(' or ');
  const patientWords = patient.birthYear ? `${patient.name} (born ${patient.birthYear})` : patient.name;

  return (
    <article className="text-[11pt] leading-snug" data-testid="referral-letter">
      <header className="flex flex-wrap items-start justify-between gap-4 border-b-2 border-ink pb-3">
        <div>
          <p className="text-[17pt] font-bold leading-tight">{clinic.name}</p>
          {clinic.address ? <p className="whitespace-pre-line">{clinic.address}</p> : null}
        </div>
        <div className="text-right text-[10pt]">
          {clinic.phone ? <p>Tel. {clinic.phone}</p> : null}
          {clinic.email ? <p>{clinic.email}</p> : null}
          {hours.map((line) => (
            <p key={line} className="text-[9pt]">
              {line}
            </p>
          ))}
        </div>
      </header>

      <div className="mt-4 flex flex-wrap items-start justify-between gap-4">
        <address className="not-italic">
          <p className="text-[9pt] uppercase tracking-wide">To</p>
          <p className="font-semibold">{provider.name}</p>
          <p>{disciplineWords(provider.discipline)}</p>
          {provider.organisation && provider.organisation !== provider.name ? <p>{provider.organisation}</p> : null}
          {provider.address ? <p className="whitespace-pre-line">{provider.address}</p> : null}
          {[provider.phone, provider.email].filter(Boolean).length ? (
            <p>{[provider.phone, provider.email].filter(Boolean).join(' · ')}</p>
          ) : null}
        </address>
        <dl className="grid grid-cols-[auto_auto] gap-x-3 text-[10pt]">
          <dt>Date</dt>
          <dd>{formatDay(letter.printedOn, 'letter')}</dd>
          <dt>Reference</dt>
          <dd>{letterReference(referral.id)}</dd>
          <dt>Urgency</dt>
          <dd className={referral.urgency === 'urgent' ? 'font-bold uppercase' : undefined}>
            {URGENCY_LABELS[referral.urgency]}
          </dd>
          <dt>Request</dt>
          <dd>{REQUEST_LABELS[referral.request]}</dd>
        </dl>
      </div>

      <h1 className="mt-5 text-[13pt] font-bold">Referral: {patientWords}</h1>
      <p className="mt-2">Dear {provider.name},</p>
      <p className="mt-2">
        I am referring {patientWords}, who does a home programme of thoracic (upper-back) mobility exercises with us,
        and I would be grateful if you would {ASK[referral.request]}.
        {referral.urgency === 'urgent'
          ? ' This referral is urgent: please see them as soon as you can.'
          : referral.urgency === 'soon'
            ? ' Please see them soon, within the next few weeks if you can.'
            : ''}
      </p>

      <Section title="Reason for referral">
        <p className="whitespace-pre-wrap break-words">{referral.reason}</p>
      </Section>

      {referral.goal ? (
        <Section title="Goal">
          <p className="whitespace-pre-wrap break-words">{referral.goal}</p>
        </Section>
      ) : null}

      <Section title="Screening findings">
        {screening ? (
          <>
            <p className="text-[10pt]">
              Screened for contraindications on {formatDateTime(screening.createdAt, clinic.timezone)}
              {screening.screenedByName ? ` by ${screening.screenedByName}` : ''}.
            </p>
            {findings.length ? (
              <ul className="mt-1 list-disc pl-5" data-testid="letter-findings">
                {findings.map((f) => (
                  <li key={f.code}>
                    <span className="font-semibold">{f.label}</span> (
                    {f.severity === 'absolute' ? 'absolute contraindication' : 'precaution'})
                    {f.note ? <span className="break-words">: {f.note}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1">No contraindication or precaution was found.</p>
            )}
            {negatives.length ? (
              <p className="mt-1 text-[10pt]">Answered no: {negatives.map((c) => c.label.toLowerCase()).join('; ')}.</p>
            ) : null}
            {unanswered.length ? (
              <p className="mt-1 text-[10pt]">Not asked: {unanswered.map((c) => c.label.toLowerCase()).join('; ')}.</p>
            ) : null}
          </>
        ) : (
          <p>The patient has not been screened for contraindications.</p>
        )}
      </Section>

      <Section title="Current home programme">
        {plan ? (
          <>
            <p className="text-[10pt]">
              Plan started {formatDay(plan.startDate, 'letter')}; version {plan.current.version} since{' '}
              {formatDay(plan.current.effectiveDate, 'letter')}
              {plan.current.authorName ? `, prescribed by ${plan.current.authorName}` : ''}.
            </p>
            <table className="mt-1 w-full border-collapse text-left text-[10pt]">
              <thead>
                <HeaderRow
                  className="border-b border-ink"
                  cell="py-0.5 pr-2"
                  columns={[{ label: 'Exercise' }, { label: 'Dose' }]}
                />
              </thead>
              <tbody>
                {plan.current.items.map((item) => (
                  <tr key={item.position} className="border-b border-ink/30 align-top" data-testid="letter-dose">
                    <td className="py-0.5 pr-2">{item.exerciseName}</td>
                    <td className="py-0.5">
                      {doseInWords(item, item.exercise)}
                      {item.patientNote ? <span className="block break-words">Note: {item.patientNote}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p>No plan is active at the moment.</p>
        )}
      </Section>

      <Section title="Adherence and pain over the last four weeks">
        <table className="w-full border-collapse text-left text-[10pt]" data-testid="letter-weeks">
          <thead>
            <HeaderRow
              className="border-b border-ink"
              cell="py-0.5 pr-2"
              columns={[
                { label: 'Week' },
                { label: 'Sessions done', className: 'text-right' },
                { label: 'Adherence', className: 'text-right' },
                { label: 'Pain before', className: 'text-right' },
                { label: 'Pain after', className: 'text-right pr-0' },
              ]}
            />
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.from} className="border-b border-ink/30">
                <td className="py-0.5 pr-2">
                  {formatDay(w.from, 'short')} – {formatDay(w.to, 'short')}
                </td>
                <td className="py-0.5 pr-2 text-right">
                  {w.prescribed ? `${w.completed} of ${w.prescribed}` : w.logs ? String(w.logs) : '—'}
                </td>
                <td className="py-0.5 pr-2 text-right">{percent(w.adherence)}</td>
                <td className="py-0.5 pr-2 text-right">{pain(w.painBefore)}</td>
                <td className="py-0.5 text-right">{pain(w.painAfter)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-1 text-[9pt]">
          Sessions the patient logged against those prescribed; pain is the patient’s own 0–10 rating, averaged over the
          week.
        </p>
      </Section>

      <Section title="Red flags reported">
        {letter.redFlags.length ? (
          <ul className="list-disc pl-5">
            {letter.redFlags.map((flag) => (
              <li key={flag.createdAt.toISOString()}>
                {formatDateTime(flag.createdAt, patient.timezone)}: {flag.reasons.join('; ')}
                {flag.status === 'resolved' ? ' (resolved)' : ''}
              </li>
            ))}
            {letter.earlierRedFlags ? <li>and {letter.earlierRedFlags} earlier.</li> : null}
          </ul>
        ) : (
          <p>None reported.</p>
        )}
      </Section>

      <Section title="The patient">
        <p>
          {referral.patientInformed
            ? `${patient.name} knows about this referral and has agreed to it.`
            : `${patient.name} has not yet been told about this referral.`}
        </p>
      </Section>

      <div className="mt-5 break-inside-avoid-page">
        <p>
          Please send a short report of your findings and recommendations to {contact || clinic.name}, quoting reference{' '}
          {letterReference(referral.id)}. Thank you for seeing {patient.name}.
        </p>
        <p className="mt-4">Yours sincerely,</p>
        <p className="mt-6 font-semibold">{referrer.name}</p>
        <p>
          {DISCIPLINE_LABELS[referrer.discipline] === 'Other' ? 'Practitioner' : DISCIPLINE_LABELS[referrer.discipline]}
          , {clinic.name}
        </p>
        <p>{[referrer.email, clinic.phone ? `Tel. ${clinic.phone}` : null].filter(Boolean).join(' · ')}</p>
      </div>
    </article>
  );
}
