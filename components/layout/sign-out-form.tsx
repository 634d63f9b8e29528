'use client';

import { LogOut } from 'lucide-react';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';

export function SignOutForm({ action, className }: { action: FormAction; className?: string }) {
  const [, submit] = useActionState<ActionState, FormData>(action, idle);
  return (
    <form action={submit} className={className}>
      <Button type="submit" variant="secondary" size="sm">
        <LogOut aria-hidden /> Sign out
      </Button>
    </form>
  );
}
