import type { Metadata } from 'next';
import { ClinicSettingsForm } from '@/components/clinic/clinic-settings-form';
import { ProgressionThresholdsForm } from '@/components/clinic/progression-thresholds-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/guard';
import { clinicOf } from '@/lib/clinic/clinic';
import { defaultEmergencyNumber } from '@/lib/clinic/emergency';
import { thresholdsOf } from '@/lib/progression/clinic-thresholds';
import { timezoneChoices } from '@/lib/timezones';
import { thresholdFormValues } from '@/lib/validation/progression-thresholds';
import { progressionThresholdsAction, updateClinicSettingsAction } from './actions';

export const metadata: Metadata = { title: 'Clinic settings' };

export default async function ClinicSettingsPage() {
  const actor = await requireAdmin();
  const clinic = await clinicOf(actor);
  const hours = Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7].flatMap((d) => {
      const period = clinic.openingHours.find((p) => p.day === d);
      return [
        [`opens${d}`, period?.opens ?? ''],
        [`closes${d}`, period?.closes ?? ''],
      ];
    }),
  );
  return (
    <>
      <PageHeader
        title="Clinic settings"
        description="What patients see on their phone and handouts: how to reach you, when you are open, and who to call in an emergency; and the figures behind progression suggestions."
      />
      <ClinicSettingsForm
        action={updateClinicSettingsAction}
        timezones={timezoneChoices(clinic.timezone)}
        defaultEmergencyNumber={defaultEmergencyNumber(clinic.timezone)}
        values={{
          name: clinic.name,
          timezone: clinic.timezone,
          phone: clinic.phone ?? '',
          email: clinic.email ?? '',
          address: clinic.address ?? '',
          emergencyNumber: clinic.emergencyNumber ?? '',
          closedAdvice: clinic.closedAdvice ?? '',
          handoutFooter: clinic.handoutFooter ?? '',
          ...hours,
        }}
      />
      <div className="mt-6">
        <ProgressionThresholdsForm
          action={progressionThresholdsAction}
          values={thresholdFormValues(thresholdsOf(clinic.progressionThresholds))}
        />
      </div>
    </>
  );
}
