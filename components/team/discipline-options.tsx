import { DISCIPLINE_LABELS } from '@/lib/validation/account';

/** The <option>s of a discipline picker, in the order the labels are declared. */
export function DisciplineOptions() {
  return Object.entries(DISCIPLINE_LABELS).map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));
}
