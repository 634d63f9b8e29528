// No imports: the README, the seed and the e2e suite all read these.
/** The demo sign-ins the README prints. They exist only where the demo seed ran. */
export const DEMO_ACCOUNTS = [
  {
    clinic: 'harbour',
    name: 'Dana Whitfield',
    email: 'admin@harbour.example.com',
    password: 'rollcall-demo-admin',
    role: 'admin',
    discipline: 'chiropractor',
  },
  {
    clinic: 'harbour',
    name: 'Sam Okafor',
    email: 'sam@harbour.example.com',
    password: 'rollcall-demo-practitioner',
    role: 'practitioner',
    discipline: 'physical_therapist',
  },
  {
    clinic: 'northside',
    name: 'Priya Raman',
    email: 'priya@northside.example.com',
    password: 'rollcall-demo-northside',
    role: 'admin',
    discipline: 'massage_therapist',
  },
] as const;

export type DemoAccount = (typeof DEMO_ACCOUNTS)[number];

/**
 * A fixed link for one demo patient so the README can point at a working phone page. Only the
 * demo seed creates it; real links are 256 random bits.
 */
export const DEMO_PATIENT_LINK = {
  patientName: 'Maria Lopez',
  token: 'rollcall-demo-maria-lopez-phone-link-000000',
} as const;
