'use client';

import { CONTRAINDICATIONS, type Severity } from '@/lib/screening/contraindications';

const SEVERITY_GROUPS: { severity: Severity; legend: string }[] = [
  { severity: 'absolute', legend: 'Absolute: the exercise can’t be assigned' },
  { severity: 'relative', legend: 'Relative: can be assigned with a stated reason' },
];

/**
 * The custom exercise's contraindications, ticked by the form (its kind's to start with), and
 * the confirmation that saving one with none ticked is meant: with no ticks it is offered, and
 * the server refuses the save without it, the message shown here beside the boxes.
 */
export function ContraindicationsField({
  ticked,
  onToggle,
  kindLabel,
  confirmedNone,
  error,
}: {
  ticked: ReadonlySet<string>;
  onToggle: (code: string, on: boolean) => void;
  /** The chosen kind in words, or null before one is chosen. */
  kindLabel: string | null;
  confirmedNone: boolean;
  error: string | undefined;
}) {
  const hint = kindLabel
    ? `Ticked for a ${kindLabel.toLowerCase()} exercise, as the built-in ones are. Untick only what you are sure does not apply; changing the kind ticks its own again.`
    : 'The absolute ones are ticked for every exercise; choosing the kind ticks the rest that apply to it.';
  return (
    <fieldset
      className="mt-3"
      aria-describedby={error ? 'ex-contraindications-hint ex-contraindications-error' : 'ex-contraindications-hint'}
    >
      <legend className="text-sm font-semibold text-ink">Contraindications</legend>
      <p id="ex-contraindications-hint" className="text-xs text-muted">
        Tick the conditions this exercise is not suitable for. Patients whose screening answers match are blocked or
        flagged. {hint}
      </p>
      <div className="mt-3 grid gap-5 md:grid-cols-2">
        {SEVERITY_GROUPS.map((group) => (
          <fieldset key={group.severity}>
            <legend className="mb-2 text-sm font-medium text-ink">{group.legend}</legend>
            <div className="space-y-2">
              {CONTRAINDICATIONS.filter((c) => c.severity === group.severity).map((c) => (
                <label key={c.code} className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="contraindications"
                    value={c.code}
                    checked={ticked.has(c.code)}
                    aria-invalid={Boolean(error)}
                    onChange={(e) => onToggle(c.code, e.target.checked)}
                    className="mt-0.5 size-4 shrink-0 accent-brand-600"
                  />
                  <span>{c.label}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      {ticked.size === 0 ? (
        <label className="mt-4 flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm">
          <input
            type="checkbox"
            name="noContraindications"
            value="yes"
            defaultChecked={confirmedNone}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? 'ex-contraindications-error' : undefined}
            className="mt-0.5 size-4 shrink-0 accent-brand-600"
          />
          <span>
            None of these apply: this exercise is safe for a patient with any of the conditions above, including severe
            osteoporosis or a fracture.
          </span>
        </label>
      ) : null}
      {error ? (
        <p
          id="ex-contraindications-error"
          className="mt-2 text-sm text-danger"
          data-testid="ex-contraindications-error"
        >
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
