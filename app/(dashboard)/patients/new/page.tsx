import type { Metadata } from 'next';
import { PatientForm } from '@/components/patients/patient-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePractitioner } from '@/lib/auth/guard';
import { clinicOf } from '@/lib/clinic/clinic';
import { activePractitioners } from '@/lib/patients/patients';
import { currentTimezoneName, timezoneChoices } from '@/lib/timezones';
import { createPatientAction } from '../actions';

export const metadata: Metadata = { title: 'Add a patient' };

export default async function NewPatientPage() {
  const actor = await requirePractitioner();
  const [clinic, practitioners] = await Promise.all([clinicOf(actor), activePractitioners(actor)]);
  return (
    <>
      <PageHeader
        title="Add a patient"
        description="Next you will screen them for contraindications, then assign a plan."
      />
      <Card className="max-w-3xl">
        <PatientForm
          action={createPatientAction}
          initial={{
            name: '',
            birthYear: '',
            email: '',
            phone: '',
            timezone: currentTimezoneName(clinic.timezone),
            primaryPractitionerId: actor.userId,
            notes: '',
          }}
          practitioners={practitioners}
          timezones={timezoneChoices(clinic.timezone)}
        />
      </Card>
    </>
  );
}
