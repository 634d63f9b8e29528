import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { LoginForm } from '@/components/auth/login-form';
import { safeCallbackPath } from '@/lib/validation/account';
import { authenticate } from './actions';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined);
  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">Sign in to your clinic</h1>
      <p className="mb-5 mt-1 text-sm text-muted">
        For practitioners. Patients open their plan from the link their clinic sent.
      </p>
      <LoginForm callbackUrl={callbackUrl} action={authenticate} />
    </Card>
  );
}
