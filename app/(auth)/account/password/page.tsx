import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { Card } from '@/components/ui/card';
import { requirePractitioner } from '@/lib/auth/guard';
import { changePasswordAction } from './actions';

export const metadata: Metadata = { title: 'Choose your password' };

export default async function ChoosePasswordPage() {
  const actor = await requirePractitioner({ allowPendingPasswordChange: true });
  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">
        {actor.mustChangePassword ? 'Choose your own password' : 'Change your password'}
      </h1>
      <p className="mb-5 mt-1 text-sm text-muted">
        {actor.mustChangePassword
          ? 'You signed in with a temporary password. Replace it before you continue.'
          : 'Other devices signed in as you will be signed out.'}
      </p>
      <ChangePasswordForm next="/dashboard" action={changePasswordAction} />
    </Card>
  );
}
