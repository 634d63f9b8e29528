'use client';

import { ArrowLeft, Printer } from 'lucide-react';
import Link from 'next/link';
import type * as React from 'react';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';
import { PAPER_SIZES, type PaperSize } from '@/lib/print/paper';
import { cn } from '@/lib/utils';

type Props = {
  back: { href: string; label: string };
  paper: PaperSize;
  /** The same page on each paper size. */
  paperHrefs: Record<PaperSize, string>;
  printLabel: string;
  /**
   * Records each print (the button, or the browser's own Print command) with the hidden fields
   * and whatever the extra controls hold. A print the button starts waits for it and is not made
   * when it fails, so nothing leaves the printer unrecorded or half-filled.
   */
  record?: { action: FormAction; fields: Record<string, string> } | { url: string; fields: Record<string, string> };
  /** Told what the record said, before the dialog opens (a handout shows its new QR code). */
  onRecorded?: (state: ActionState) => void;
  /** Open the print dialog once the page is ready (a "Print" link elsewhere brought us here). */
  autoPrint?: boolean;
  /** Extra choices printed with the record (they belong to its form). */
  children?: React.ReactNode;
};

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** The screen-only bar above a printable page: back, the paper size, any choices, and Print. */
export function PrintToolbar({ back, paper, paperHrefs, printLabel, record, onRecorded, autoPrint, children }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const viaButton = useRef(false);
  const autoPrinted = useRef(false);

  const recordPrint = async (): Promise<boolean> => {
    if (!record || !form.current) return true;
    try {
      if ('url' in record) {
        // A route handler (the patient's copy): the answer is all it says.
        const response = await fetch(record.url, { method: 'POST', body: new FormData(form.current) });
        setProblem(response.ok ? null : 'Printing could not be recorded.');
        return response.ok;
      }
      const state = await record.action(idle, new FormData(form.current));
      onRecorded?.(state);
      setProblem(state.status === 'ok' ? null : (state.message ?? 'Printing could not be recorded.'));
      return state.status === 'ok';
    } catch {
      setProblem('Printing could not be recorded: check the connection and try again.');
      return false;
    }
  };

  const print = async () => {
    setPending(true);
    const recorded = await recordPrint();
    setPending(false);
    if (!recorded) return;
    await nextFrame();
    viaButton.current = true;
    try {
      window.print();
    } finally {
      viaButton.current = false;
    }
  };

  useEffect(() => {
    const onBeforePrint = () => {
      if (!viaButton.current) void recordPrint();
    };
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  });

  useEffect(() => {
    if (!autoPrint || autoPrinted.current) return;
    autoPrinted.current = true;
    void print();
  });

  return (
    <header className="border-b border-line bg-white print:hidden">
      <form
        ref={form}
        onSubmit={(e) => {
          e.preventDefault();
          void print();
        }}
        className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3"
      >
        {Object.entries(record?.fields ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="paper" value={paper} />
        <Link
          href={back.href}
          className="inline-flex items-center gap-1 text-sm text-brand-700 underline-offset-4 hover:underline"
        >
          <ArrowLeft className="size-4" aria-hidden /> {back.label}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          {children}
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
          <Button type="submit" disabled={pending}>
            <Printer aria-hidden /> {pending ? 'Preparing…' : printLabel}
          </Button>
        </div>
      </form>
      {problem ? (
        <p role="alert" className="mx-auto max-w-4xl px-4 pb-3 text-sm text-danger">
          {problem}
        </p>
      ) : null}
    </header>
  );
}
