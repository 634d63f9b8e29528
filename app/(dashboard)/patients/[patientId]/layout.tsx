import type * as React from 'react';
import { requirePractitioner } from '@/lib/auth/guard';
import { patientForPage } from '@/lib/patients/for-page';

/**
 * Checks the patient exists in the practitioner's clinic before anything streams, so an unknown
 * or another clinic's id answers 404 (this segment's loading.tsx sits below this layout).
 */
export default async function PatientLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ patientId: string }>;
}) {
  await patientForPage(await requirePractitioner(), params);
  return children;
}
