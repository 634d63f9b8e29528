import type { PatientSuggestion } from './for-patient';

/** A suggestion as the plan page shows it (components/plans/progression-card.tsx). */
export function suggestionView(patientId: string, s: PatientSuggestion) {
  const { suggestion } = s;
  const reason = `${suggestion.headline}. ${suggestion.reasons.join('; ')}.`;
  return {
    kind: suggestion.kind,
    headline: suggestion.headline,
    reasons: suggestion.reasons,
    changes: suggestion.changes.map((c) => c.summary),
    referralHref: suggestion.suggestReferral
      ? `/patients/${patientId}/referrals/new?${new URLSearchParams({ reason: reason.slice(0, 1500), urgency: 'soon' })}`
      : null,
  };
}
