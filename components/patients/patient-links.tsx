'use client';

import { Check, Copy, Link2 } from 'lucide-react';
import { useActionState, useState } from 'react';
import { useActionToast } from '@/components/ui/action-toast';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';
import type { LinkActionState } from '@/lib/patients/links';

/** Dates written out by the server in the patient's timezone (lib/dates.ts); the instants expiresAt and revokedAt decide the status. */
export type LinkView = {
  id: string;
  label: string;
  created: string;
  expires: string | null;
  lastUsed: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

function statusOf(link: LinkView): { text: string; tone: 'brand' | 'neutral' | 'danger' } {
  if (link.revokedAt) return { text: 'Revoked', tone: 'danger' };
  if (link.expiresAt && new Date(link.expiresAt) <= new Date()) return { text: 'Expired', tone: 'neutral' };
  return { text: 'Active', tone: 'brand' };
}

export function PatientLinks({
  patientId,
  links,
  active,
  issueAction,
  revokeAction,
}: {
  patientId: string;
  links: LinkView[];
  active: boolean;
  /** Creates or, with `intent=rotate`, rotates links; the new one comes back in `created`. */
  issueAction: FormAction<LinkActionState>;
  revokeAction: FormAction;
}) {
  const [created, issue] = useActionState<LinkActionState, FormData>(issueAction, idle);
  const shown = created.created;
  useActionToast(created);
  return (
    <div className="space-y-4">
      {shown ? <NewLink url={shown.url} qrSvg={shown.qrSvg} label={shown.label} /> : null}
      {created.status === 'invalid' || created.status === 'error' ? (
        <Notice tone="danger" live>
          {created.fieldErrors?.label?.[0] ?? created.message}
        </Notice>
      ) : null}
      {links.length === 0 ? (
        <p className="text-sm text-muted">No links yet. Create one to give the patient their plan on their phone.</p>
      ) : null}
      <ul className="divide-y divide-line text-sm">
        {links.map((link) => {
          const status = statusOf(link);
          return (
            <li
              key={link.id}
              className="flex flex-wrap items-center justify-between gap-2 py-2"
              data-testid="patient-link"
            >
              <div>
                <span className="font-medium">{link.label}</span> <Badge tone={status.tone}>{status.text}</Badge>
                <p className="text-xs text-muted">
                  Created {link.created}
                  {link.expires ? ` · expires ${link.expires}` : ''}
                  {` · ${link.lastUsed ? `last used ${link.lastUsed}` : 'not used yet'}`}
                </p>
              </div>
              {status.text === 'Active' ? (
                <RevokeLink linkId={link.id} patientId={patientId} label={link.label} action={revokeAction} />
              ) : null}
            </li>
          );
        })}
      </ul>
      {active ? (
        <div className="space-y-3 border-t border-line pt-3">
          <form action={issue} className="flex flex-wrap items-end gap-2" aria-label="Create a link">
            <input type="hidden" name="patientId" value={patientId} />
            <input type="hidden" name="intent" value="create" />
            <label className="text-xs font-medium">
              Label
              <Input name="label" defaultValue="Phone" maxLength={80} className="h-9 w-40" required />
            </label>
            <label className="text-xs font-medium">
              Expires
              <Select name="expiresInDays" defaultValue="" className="h-9 w-32">
                <option value="">Never</option>
                <option value="30">In 30 days</option>
                <option value="90">In 90 days</option>
                <option value="365">In a year</option>
              </Select>
            </label>
            <SubmitButton size="sm" pendingLabel="Creating…">
              <Link2 aria-hidden /> Create link
            </SubmitButton>
          </form>
          {links.some((l) => !l.revokedAt) ? (
            <form
              action={issue}
              onSubmit={(e) => {
                if (!window.confirm('Stop every existing link for this patient and issue a new one?'))
                  e.preventDefault();
              }}
            >
              <input type="hidden" name="patientId" value={patientId} />
              <input type="hidden" name="intent" value="rotate" />
              <SubmitButton size="sm" variant="secondary" pendingLabel="Rotating…">
                Rotate: revoke all and issue a new link
              </SubmitButton>
            </form>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-muted">Discharged patients cannot be given links.</p>
      )}
    </div>
  );
}

function NewLink({ url, qrSvg, label }: { url: string; qrSvg: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="rounded-lg border border-brand-100 bg-brand-50 p-3" data-testid="new-link">
      <p className="text-sm font-medium">New link “{label}”. It is shown only this once.</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Input
          readOnly
          value={url}
          aria-label="Patient link"
          className="h-9 min-w-0 flex-1 font-mono text-xs"
          data-testid="new-link-url"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          type="button"
          size="sm"
          variant="secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(url);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />} {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
      {/* eslint-disable-next-line @next/next/no-img-element -- a generated data: URL, nothing to optimise */}
      <img
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`}
        alt="QR code of the patient link"
        className="mt-3 size-40 rounded bg-white p-1"
      />
    </div>
  );
}

function RevokeLink({
  linkId,
  patientId,
  label,
  action,
}: {
  linkId: string;
  patientId: string;
  label: string;
  action: FormAction;
}) {
  const [state, submit] = useActionState<ActionState, FormData>(action, idle);
  const [confirming, setConfirming] = useState(false);
  useActionToast(state);
  // Revoking cannot be undone and stops the patient's phone at once: ask first, in the row itself.
  if (!confirming)
    return (
      <Button
        type="button"
        size="sm"
        variant="ghost"
        aria-label={`Revoke link ${label}`}
        onClick={() => setConfirming(true)}
      >
        Revoke
      </Button>
    );
  return (
    <form
      action={submit}
      className="flex flex-wrap items-center gap-2"
      role="group"
      aria-label={`Revoke link ${label}?`}
    >
      <input type="hidden" name="linkId" value={linkId} />
      <input type="hidden" name="patientId" value={patientId} />
      <span className="text-sm">The phone with this link stops opening the plan at once. Revoke it?</span>
      <SubmitButton size="sm" variant="danger" pendingLabel="Revoking…" autoFocus>
        Yes, revoke
      </SubmitButton>
      <Button type="button" size="sm" variant="ghost" onClick={() => setConfirming(false)}>
        Keep it
      </Button>
    </form>
  );
}
