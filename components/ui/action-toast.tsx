'use client';

import { useEffect, useRef } from 'react';
import { toast } from 'sonner';
import type { ActionState } from '@/lib/actions/action-state';

/** Shows a toast each time an action finishes with a message. */
export function useActionToast(state: ActionState) {
  const last = useRef<ActionState | null>(null);
  useEffect(() => {
    if (state === last.current || !state.message) return;
    last.current = state;
    if (state.status === 'ok') toast.success(state.message);
    else if (state.status === 'error') toast.error(state.message);
  }, [state]);
}
