import type { Metadata } from 'next';
import { PatientForm } from '@/components/patients/patient-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePractitioner } from '@/lib/auth/guard';
import { patientForPage } from '@/lib/patients/for-page';
import { activePractitioners } from '@/lib/patients/patients';
import { currentTimezoneName, timezoneChoices } from '@/lib/timezones';
import { updatePatientAction } from '../../actions';

export const metadata: Metadata = { title: 'Edit patient' };

export default async function EditPatientPage({ params }: { params: Promise<{ patientId: string }> }) {
  const actor = await requirePractitioner();
  const patient = await patientForPage(actor, params, 'edit');
  const practitioners = await activePractitioners(actor);
  return (
    <>
      <PageHeader title={`Edit ${patient.name}`} />
      <Card className="max-w-3xl">
        <PatientForm
          patientId={patient.id}
          action={updatePatientAction}
          initial={{
            name: patient.name,
            birthYear: patient.birthYear ? String(patient.birthYear) : '',
            email: patient.email ?? '',
            phone: patient.phone ?? '',
            timezone: currentTimezoneName(patient.timezone),
            primaryPractitionerId: patient.primaryPractitionerId ?? '',
            notes: patient.notes ?? '',
          }}
          practitioners={practitioners}
          timezones={timezoneChoices(patient.timezone)}
        />
      </Card>
    </>
  );
}
