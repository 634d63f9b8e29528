'use client';

import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';

export default function AuditError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">Audit trail</h1>
      <Notice tone="danger" live>
        The audit trail could not be loaded just now. Nothing was changed; try again in a moment.
      </Notice>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
