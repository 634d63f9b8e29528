'use client';

import { ArrowLeft, Printer } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { type FormAction, idle } from '@/lib/actions/action-state';
import { PAPER_SIZES, type PaperSize } from '@/lib/print/paper';
import { cn } from '@/lib/utils';

type Props = {
  back: { href: string; label: string };
  paper: PaperSize;
  /** The same page on each paper size. */
  paperHrefs: Record<PaperSize, string>;
  printLabel: string;
  /** Records each print (the button, or the browser's own Print command) with these fields. */
  record?: { action: FormAction; fields: Record<string, string> };
};

/**
 * The screen-only bar above a printable page: back, the paper size, and Print. Printing from
 * the button or from the browser's menu (Ctrl+P) is recorded once per print.
 */
export function PrintToolbar({ back, paper, paperHrefs, printLabel, record }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const viaButton = useRef(false);

  const recordPrint = async () => {
    if (!record) return;
    const form = new FormData();
    for (const [name, value] of Object.entries(record.fields)) form.set(name, value);
    try {
      const state = await record.action(idle, form);
      setProblem(state.status === 'ok' ? null : (state.message ?? 'Printing could not be recorded.'));
    } catch {
      setProblem('Printing could not be recorded: check the connection and print again.');
    }
  };

  useEffect(() => {
    const onBeforePrint = () => {
      if (viaButton.current) return;
      void recordPrint();
    };
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  });

  const print = async () => {
    await recordPrint();
    viaButton.current = true;
    try {
      window.print();
    } finally {
      viaButton.current = false;
    }
  };

  return (
    <header className="border-b border-line bg-white print:hidden">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link
          href={back.href}
          className="inline-flex items-center gap-1 text-sm text-brand-700 underline-offset-4 hover:underline"
        >
          <ArrowLeft className="size-4" aria-hidden /> {back.label}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <nav aria-label="Paper size" className="flex rounded-md border border-line p-0.5 text-sm">
            {(Object.keys(PAPER_SIZES) as PaperSize[]).map((size) => (
              <Link
                key={size}
                href={paperHrefs[size]}
                replace
                scroll={false}
                aria-current={size === paper ? 'true' : undefined}
                className={cn(
                  'rounded px-3 py-1',
                  size === paper ? 'bg-brand-600 text-white' : 'text-ink hover:bg-brand-50',
                )}
              >
                {PAPER_SIZES[size].label}
              </Link>
            ))}
          </nav>
          <Button type="button" onClick={print}>
            <Printer aria-hidden /> {printLabel}
          </Button>
        </div>
      </div>
      {problem ? (
        <p role="alert" className="mx-auto max-w-4xl px-4 pb-3 text-sm text-danger">
          {problem}
        </p>
      ) : null}
    </header>
  );
}
