'use client';

import type * as React from 'react';
import { createContext, use, useState } from 'react';
import { PrintToolbar } from '@/components/print/print-toolbar';
import type { ActionState, FormAction } from '@/lib/actions/action-state';
import type { PaperSize } from '@/lib/print/paper';

/** The link a print just issued, shown once as a QR code and an address on the sheet. */
export type IssuedQr = { url: string; qrSvg: string; linkId: string };
export type HandoutPrintState = ActionState & { issued?: IssuedQr };

const QrContext = createContext<{ qr: IssuedQr | null; setQr: (qr: IssuedQr) => void }>({
  qr: null,
  setQr: () => {},
});

/** Holds the QR code a print issued, shared by the toolbar that asks for it and the sheet that shows it. */
export function HandoutPrintProvider({ children }: { children: React.ReactNode }) {
  const [qr, setQr] = useState<IssuedQr | null>(null);
  return <QrContext value={{ qr, setQr }}>{children}</QrContext>;
}

/** The sheet's QR code once a print issued one; until then (or without one) what to do instead. */
export function HandoutQr({ fallback }: { fallback: React.ReactNode }) {
  const { qr } = use(QrContext);
  if (!qr) return fallback;
  return (
    <div className="flex items-center gap-4" data-testid="handout-qr">
      {/* The SVG comes from the qrcode library on our server: paths only, no text from anyone. */}
      <div className="size-[30mm] shrink-0" dangerouslySetInnerHTML={{ __html: qr.qrSvg }} />
      <div>
        <p className="font-semibold">Scan to open your plan on your phone</p>
        <p className="mt-1">Or type this address:</p>
        <p className="font-mono text-[9pt] break-all" data-testid="handout-url">
          {qr.url}
        </p>
      </div>
    </div>
  );
}

type LiveLink = { linkId: string; created: string };

/**
 * The practitioner's bar: whether the sheet carries a QR code (a new link, a new one replacing the
 * printed ones still live, or none), then Print. Once a print issued a link, printing again
 * reuses that one.
 */
export function HandoutToolbar({
  back,
  paper,
  paperHrefs,
  action,
  fields,
  live,
  autoPrint,
}: {
  back: { href: string; label: string };
  paper: PaperSize;
  paperHrefs: Record<PaperSize, string>;
  action: FormAction<HandoutPrintState>;
  fields: Record<string, string>;
  live: LiveLink[];
  autoPrint: boolean;
}) {
  const { qr, setQr } = use(QrContext);
  const onRecorded = (state: HandoutPrintState) => {
    if (state.issued) setQr(state.issued);
  };
  const choices = live.length
    ? ([
        ['replace', `QR code: a new link (the sheet printed ${live[0]!.created} stops opening the plan)`],
        ['none', 'No QR code'],
      ] as const)
    : ([
        ['new', 'QR code (issues a new link)'],
        ['none', 'No QR code'],
      ] as const);
  return (
    <PrintToolbar
      back={back}
      paper={paper}
      paperHrefs={paperHrefs}
      printLabel="Print handout"
      record={{ action: action as FormAction, fields: qr ? { ...fields, link: 'reuse', linkId: qr.linkId } : fields }}
      onRecorded={onRecorded}
      autoPrint={autoPrint && live.length === 0}
    >
      {qr ? (
        <p className="text-sm text-muted">Printing again reuses this QR code.</p>
      ) : (
        <fieldset className="flex flex-wrap items-center gap-3 text-sm">
          <legend className="sr-only">QR code on the handout</legend>
          {choices.map(([value, label], i) => (
            <label key={value} className="flex items-center gap-1.5">
              <input type="radio" name="link" value={value} defaultChecked={i === 0} className="size-4" />
              {label}
            </label>
          ))}
        </fieldset>
      )}
    </PrintToolbar>
  );
}
