/** The warning signs a patient is told about on the phone and on paper, with what to do for each. */
export const SAFETY_SIGNS: { sign: string; action: string }[] = [
  {
    sign: 'Tingling or numbness in your arms or hands',
    action: 'Bring your elbows in, or switch to the supported version. If it stays, stop and contact your clinic.',
  },
  {
    sign: 'Sharp or shooting pain',
    action: 'Stop the exercises for today and contact your clinic.',
  },
  {
    sign: 'Feeling unwell, or a fever',
    action: 'Do not exercise today. Contact your clinic if it does not pass.',
  },
  {
    sign: 'Pain that wakes you at night',
    action: 'Contact your clinic before your next session.',
  },
];
