import type * as React from 'react';
import { cssString, PAPER_SIZES, type PaperSize } from '@/lib/print/paper';
import { cn } from '@/lib/utils';

const SHEET_WIDTH: Record<PaperSize, string> = { a4: 'max-w-[210mm]', letter: 'max-w-[8.5in]' };

/**
 * A printable page: on screen a sheet of the chosen paper on a grey desk; on paper, the page
 * itself, with `@page` set to that size and margins, and page numbers in the bottom margin.
 */
export function PaperSheet({
  paper,
  footer,
  children,
  className,
}: {
  paper: PaperSize;
  /** Printed at the foot of every page, left of the page number. */
  footer: string;
  children: React.ReactNode;
  className?: string;
}) {
  const css = `@page { size: ${PAPER_SIZES[paper].css}; margin: 12mm 14mm 14mm;
  @bottom-left { content: ${cssString(footer)}; font: 8pt system-ui, sans-serif; color: #333; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt system-ui, sans-serif; color: #333; } }`;
  return (
    <>
      <style>{css}</style>
      <div className="px-2 py-6 print:p-0">
        <main
          className={cn(
            'mx-auto w-full bg-white px-[14mm] py-[12mm] text-ink shadow-md',
            'print:m-0 print:max-w-none print:p-0 print:shadow-none',
            SHEET_WIDTH[paper],
            className,
          )}
        >
          {children}
        </main>
      </div>
    </>
  );
}
