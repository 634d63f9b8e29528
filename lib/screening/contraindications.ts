/**
 * What we screen for before assigning thoracic mobility work (see the clinical reference).
 * Absolute: the exercise cannot be assigned. Relative: it can, with a practitioner's stated reason.
 * Exercises name the codes that apply to them in `contraindications`.
 */
export type Severity = 'absolute' | 'relative';

export type Contraindication = {
  code: string;
  severity: Severity;
  label: string;
  /** Shown to the practitioner when the answer blocks or cautions an exercise. */
  guidance: string;
};

export const CONTRAINDICATIONS = [
  {
    code: 'bone_tumour',
    severity: 'absolute',
    label: 'Primary or metastatic bone tumour',
    guidance: 'Loading the spine is unsafe. Refer for medical assessment.',
  },
  {
    code: 'acute_fracture',
    severity: 'absolute',
    label: 'Acute vertebral or rib fracture',
    guidance: 'Wait for fracture healing and medical clearance.',
  },
  {
    code: 'severe_osteoporosis',
    severity: 'absolute',
    label: 'Severe osteoporosis',
    guidance: 'Pressure over a roller risks fracture. Assess in person.',
  },
  {
    code: 'spinal_instability',
    severity: 'absolute',
    label: 'Spinal instability',
    guidance: 'Mobilization can worsen instability. Assess in person.',
  },
  {
    code: 'spinal_infection',
    severity: 'absolute',
    label: 'Spinal infection (e.g. osteomyelitis)',
    guidance: 'Needs medical treatment first.',
  },
  {
    code: 'neuro_deficit',
    severity: 'absolute',
    label: 'Progressive neurological deficit or myelopathy',
    guidance: 'Urgent medical assessment, not home exercise.',
  },
  { code: 'cauda_equina', severity: 'absolute', label: 'Cauda equina signs', guidance: 'Emergency referral.' },
  {
    code: 'bleeding_disorder',
    severity: 'absolute',
    label: 'Unstable bleeding disorder',
    guidance: 'Pressure work risks bleeding. Assess in person.',
  },
  {
    code: 'aortic_aneurysm',
    severity: 'absolute',
    label: 'Aortic aneurysm',
    guidance: 'Extension and pressure over the trunk are unsafe.',
  },
  {
    code: 'osteopenia',
    severity: 'relative',
    label: 'Osteopenia or osteoporosis',
    guidance: 'Keep to supported extension; avoid loaded flexion and rotation variants.',
  },
  {
    code: 'anticoagulants',
    severity: 'relative',
    label: 'Takes anticoagulants',
    guidance: 'Use light pressure; watch for bruising.',
  },
  {
    code: 'inflammatory_arthritis',
    severity: 'relative',
    label: 'Inflammatory arthritis',
    guidance: 'Avoid during flares; keep movements gentle.',
  },
  {
    code: 'recent_spinal_surgery',
    severity: 'relative',
    label: 'Recent spinal surgery',
    guidance: 'Only with the surgeon’s clearance and within their limits.',
  },
  {
    code: 'hypermobility',
    severity: 'relative',
    label: 'Hypermobility',
    guidance: 'Favour control over range; avoid end-range holds.',
  },
  {
    code: 'pregnancy',
    severity: 'relative',
    label: 'Pregnancy',
    guidance: 'Avoid lying on the back late in pregnancy; prefer supported positions.',
  },
  {
    code: 'skin_over_area',
    severity: 'relative',
    label: 'Open wound or skin condition over the upper back',
    guidance: 'Do not roll over broken or irritated skin.',
  },
] as const satisfies readonly Contraindication[];

export type ContraindicationCode = (typeof CONTRAINDICATIONS)[number]['code'];

export const CONTRAINDICATION_CODES = CONTRAINDICATIONS.map((c) => c.code) as [
  ContraindicationCode,
  ...ContraindicationCode[],
];

export const contraindicationByCode = new Map<string, Contraindication>(CONTRAINDICATIONS.map((c) => [c.code, c]));
