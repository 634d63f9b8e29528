'use client';

import { AlertTriangle, CheckCircle2, Loader2 } from 'lucide-react';
import { type FormEvent, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/input';
import { Notice } from '@/components/ui/notice';
import { cn } from '@/lib/utils';
import { deliver, resultFor, subscribe } from './offline-queue';
import {
  type ClinicHelp,
  type LogPayload,
  type LogResult,
  NO_EXERCISE_DONE,
  NOTE_MAX_LENGTH,
  painMissing,
  redFlagsOf,
  SYMPTOMS,
  type SymptomCode,
} from './types';
import { CallClinicLink, CallEmergencyLink } from './call-clinic-link';
import { ClinicHours } from './clinic-hours';
import { countSession } from './today-store';
import { PainScale } from './pain-scale';

export type SessionLogFormProps = {
  exercises: { id: string; name: string }[];
  /** Exercise ids ticked when the form opens (read once, on mount): done in full in the guided session. */
  preTicked: string[];
  /** Exercises the guided session started but with a position or a set skipped (sent as partly done unless ticked). */
  partial?: string[];
  /** The pain the patient gave before the guided session began (read once, on mount). */
  painBeforeAtStart?: number | null;
  clinic: ClinicHelp;
  /** Called when the log is saved: delivered, or kept on the phone to send later. */
  onLogged?: () => void;
};

// The contract lets symptoms be left out; this form always sends them, and the guidance reads them.
type Attempt = { payload: LogPayload & { symptoms: SymptomCode[] }; localFlags: string[] };
type Errors = Partial<Record<'painBefore' | 'painAfter' | 'itemsDone' | 'symptoms' | 'note', string[]>>;
const FIELD_KEYS = ['painBefore', 'painAfter', 'itemsDone', 'symptoms', 'note'] as const;
const isFieldKey = (k: string): k is (typeof FIELD_KEYS)[number] => (FIELD_KEYS as readonly string[]).includes(k);

/** A v4 UUID; randomUUID needs a secure context, getRandomValues doesn't. */
function newKey(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const noResult = () => undefined;

export function SessionLogForm({
  exercises,
  preTicked,
  partial = [],
  painBeforeAtStart = null,
  clinic,
  onLogged,
}: SessionLogFormProps) {
  const uid = useId();
  const ids = {
    flags: `${uid}-flags`,
    outcome: `${uid}-outcome`,
    refusal: `${uid}-refusal`,
    note: `${uid}-note`,
    noteCount: `${uid}-note-count`,
    painBefore: `${uid}-pain-before`,
    painAfter: `${uid}-pain-after`,
    items: `${uid}-items`,
    itemsError: `${uid}-items-error`,
  };

  const [done, setDone] = useState<string[]>(() => preTicked.filter((id) => exercises.some((e) => e.id === id)));
  const [painBefore, setPainBefore] = useState<number | null>(painBeforeAtStart);
  const [painAfter, setPainAfter] = useState<number | null>(null);
  const [symptoms, setSymptoms] = useState<SymptomCode[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [own, setOwn] = useState<LogResult | null>(null);
  const [sending, setSending] = useState(false);

  /** Made on the first submit and reused for every retry of this form. */
  const keyRef = useRef<string | null>(null);
  const sendingRef = useRef(false);
  const focusNext = useRef<string | null>(null);

  // A log kept on the phone may be delivered (or refused) later by the background sync.
  const key = attempt?.payload.idempotencyKey;
  const latest = useSyncExternalStore(subscribe, key ? () => resultFor(key) : noResult, noResult);
  const result = sending ? null : (latest ?? own);
  const settled = own !== null && own.status !== 'refused';

  useEffect(() => {
    const id = focusNext.current;
    if (!id) return;
    focusNext.current = null;
    document.getElementById(id)?.focus();
  });

  const serverFlags = result && (result.status === 'recorded' || result.status === 'duplicate') ? result.redFlags : [];
  // The server is authoritative, but never hide a flag the patient's own answers raise.
  const flags = attempt ? [...new Set([...serverFlags, ...attempt.localFlags])] : [];
  const refusal = result?.status === 'refused' ? result : null;
  // Server field errors for fields we show go next to them (via `errors`); the rest go in the notice.
  const otherServerErrors = Object.entries(refusal?.fieldErrors ?? {})
    .filter(([field]) => !isFieldKey(field))
    .flatMap(([, msgs]) => msgs);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (sendingRef.current || settled) return;

    const itemsDone = exercises.filter((ex) => done.includes(ex.id)).map((ex) => ex.id);
    const itemsPartial = exercises.filter((ex) => partial.includes(ex.id) && !done.includes(ex.id)).map((ex) => ex.id);
    const picked = SYMPTOMS.filter((s) => symptoms.includes(s.code)).map((s) => s.code);
    const localFlags = redFlagsOf({ painBefore, painAfter, symptoms: picked });

    // Safety first: a log that reports a red flag is never held back for a missing answer.
    if (localFlags.length === 0) {
      const missing: Errors = {};
      if (exercises.length > 0 && itemsDone.length === 0 && itemsPartial.length === 0)
        missing.itemsDone = [NO_EXERCISE_DONE];
      if (painBefore === null) missing.painBefore = [painMissing('before')];
      if (painAfter === null) missing.painAfter = [painMissing('after')];
      if (Object.keys(missing).length > 0) {
        setErrors(missing);
        focusNext.current = missing.itemsDone
          ? ids.items
          : painBefore === null
            ? `${ids.painBefore}-0`
            : `${ids.painAfter}-0`;
        return;
      }
    }

    keyRef.current ??= newKey();
    const trimmed = note.trim();
    const payload = {
      idempotencyKey: keyRef.current,
      performedAt: new Date().toISOString(),
      itemsDone,
      ...(itemsPartial.length ? { itemsPartial } : {}),
      painBefore,
      painAfter,
      symptoms: picked,
      ...(trimmed ? { note: trimmed.slice(0, NOTE_MAX_LENGTH) } : {}),
    } satisfies LogPayload;

    sendingRef.current = true;
    setSending(true);
    setErrors({});
    setOwn(null);
    setAttempt({ payload, localFlags });
    // Red flags: show the guidance straight away, without waiting for the network.
    if (localFlags.length > 0) focusNext.current = ids.flags;

    const res = await deliver(payload);
    sendingRef.current = false;
    setSending(false);
    setOwn(res);
    if (res.status === 'refused') {
      const known: Errors = {};
      for (const [field, msgs] of Object.entries(res.fieldErrors ?? {})) if (isFieldKey(field)) known[field] = msgs;
      setErrors(known);
      focusNext.current = ids.refusal;
    } else {
      if (res.status !== 'duplicate') countSession(payload);
      // With local flags the panel already has focus; otherwise go to the outcome (or the server's flags).
      if (localFlags.length === 0)
        focusNext.current = res.status !== 'queued' && res.redFlags.length > 0 ? ids.flags : ids.outcome;
      onLogged?.();
    }
  }

  const toggle = <T extends string>(list: T[], value: T, on: boolean): T[] =>
    on ? (list.includes(value) ? list : [...list, value]) : list.filter((v) => v !== value);

  return (
    <div className="space-y-6 wrap-anywhere">
      {attempt && flags.length > 0 ? (
        <RedFlagGuidance
          headingId={ids.flags}
          flags={flags}
          symptoms={attempt.payload.symptoms}
          clinic={clinic}
          delivery={
            sending || !result
              ? 'sending'
              : result.status === 'refused'
                ? 'not_saved'
                : result.status === 'queued'
                  ? result.retryAt === undefined
                    ? 'queued'
                    : 'held'
                  : serverFlags.length > 0
                    ? 'told'
                    : 'sent'
          }
        />
      ) : null}

      {settled ? (
        <Outcome id={ids.outcome} own={own} result={result} />
      ) : (
        <form onSubmit={submit} noValidate aria-label="Log your session" className="space-y-8">
          {exercises.length > 0 ? (
            <fieldset
              id={ids.items}
              tabIndex={-1}
              className="min-w-0 space-y-3"
              aria-describedby={errors.itemsDone ? ids.itemsError : undefined}
            >
              <legend className="text-base font-semibold text-ink">Which exercises did you do?</legend>
              <p className="text-sm text-muted">Tick each one you did in full.</p>
              <ul className="space-y-2">
                {exercises.map((ex) => (
                  <li key={ex.id}>
                    <CheckRow
                      checked={done.includes(ex.id)}
                      onChange={(on) => {
                        setDone((d) => toggle(d, ex.id, on));
                        setErrors(({ itemsDone: _, ...rest }) => rest);
                      }}
                      label={ex.name}
                      hint={
                        partial.includes(ex.id) && !done.includes(ex.id) ? 'Partly done: some was skipped' : undefined
                      }
                    />
                  </li>
                ))}
              </ul>
              <FieldError id={ids.itemsError} messages={errors.itemsDone} />
            </fieldset>
          ) : null}

          <PainScale
            idBase={ids.painBefore}
            name={`${uid}-painBefore`}
            legend="Pain before the session"
            value={painBefore}
            error={errors.painBefore?.[0]}
            onChange={(n) => {
              setPainBefore(n);
              setErrors(({ painBefore: _, ...rest }) => rest);
            }}
          />
          <PainScale
            idBase={ids.painAfter}
            name={`${uid}-painAfter`}
            legend="Pain after the session"
            value={painAfter}
            error={errors.painAfter?.[0]}
            onChange={(n) => {
              setPainAfter(n);
              setErrors(({ painAfter: _, ...rest }) => rest);
            }}
          />

          <fieldset className="min-w-0 space-y-3">
            <legend className="text-base font-semibold text-ink">Did you notice any of these?</legend>
            <p className="text-sm text-muted">Leave them all empty if you felt fine.</p>
            <ul className="space-y-2">
              {SYMPTOMS.map((s) => (
                <li key={s.code}>
                  <CheckRow
                    checked={symptoms.includes(s.code)}
                    onChange={(on) => setSymptoms((list) => toggle(list, s.code, on))}
                    label={s.label}
                  />
                </li>
              ))}
            </ul>
            <FieldError messages={errors.symptoms} />
            {symptoms.includes('chest') ? (
              // At once, before Save: chest pain cannot wait for the rest of the form.
              <div className="space-y-2 rounded-md border-2 border-danger bg-red-50 p-3" data-testid="chest-now">
                <p className="font-semibold text-danger">
                  Stop exercising. If the chest pain or breathlessness is bad or does not ease, call{' '}
                  {clinic.emergencyNumber} now.
                </p>
                <CallEmergencyLink number={clinic.emergencyNumber} />
                <p className="text-sm">
                  Then save this log, even with other answers left empty, so your clinic is told.
                </p>
              </div>
            ) : null}
          </fieldset>

          <div className="space-y-2">
            <label htmlFor={ids.note} className="block text-base font-semibold text-ink">
              Anything else your clinic should know? <span className="font-normal text-muted">(optional)</span>
            </label>
            <Textarea
              id={ids.note}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={NOTE_MAX_LENGTH}
              rows={4}
              aria-invalid={errors.note ? true : undefined}
              aria-describedby={[ids.noteCount, errors.note ? `${ids.note}-error` : null].filter(Boolean).join(' ')}
              className="text-base"
            />
            <p id={ids.noteCount} className="text-sm text-muted">
              {note.length} of {NOTE_MAX_LENGTH} characters
            </p>
            <FieldError id={`${ids.note}-error`} messages={errors.note} />
          </div>

          {refusal && !sending ? (
            <Notice tone="danger" id={ids.refusal} tabIndex={-1} className="text-base">
              <p>{refusal.message}</p>
              {otherServerErrors.length > 0 ? (
                <ul className="mt-1 list-disc pl-5">
                  {otherServerErrors.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              ) : null}
            </Notice>
          ) : null}

          <Button
            type="submit"
            size="lg"
            className="h-auto min-h-14 w-full px-3 py-2 text-lg [&_svg]:size-5"
            disabled={sending}
            aria-disabled={sending}
          >
            {sending ? <Loader2 className="animate-spin" aria-hidden /> : null}
            {sending ? 'Sending…' : 'Save my session'}
          </Button>
        </form>
      )}
    </div>
  );
}

// ─── Pieces ─────────────────────────────────────────────────────────────────────────────────

function FieldError({ messages, id }: { messages: string[] | undefined; id?: string }) {
  const first = messages?.[0];
  return first ? (
    <p id={id} className="text-sm font-medium text-danger">
      {first}
    </p>
  ) : null;
}

function CheckRow({
  checked,
  onChange,
  label,
  hint,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
  label: string;
  hint?: string;
}) {
  return (
    <label className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-line bg-white px-3 py-2 text-base text-ink has-checked:border-brand-600 has-checked:bg-brand-50">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="size-5 shrink-0 accent-brand-600"
      />
      <span>
        {label}
        {hint ? <span className="block text-sm text-muted">{hint}</span> : null}
      </span>
    </label>
  );
}

function Outcome({ id, own, result }: { id: string; own: LogResult | null; result: LogResult | null }) {
  const keptOnPhone = own?.status === 'queued';
  const sentLater = keptOnPhone && (result?.status === 'recorded' || result?.status === 'duplicate');
  const refusedLater = keptOnPhone && result?.status === 'refused';
  return (
    <div className="space-y-3">
      <div
        id={id}
        tabIndex={-1}
        role="status"
        className="rounded-lg border-2 border-green-200 bg-green-50 p-4 text-ink"
      >
        <p className="flex items-center gap-2 text-lg font-semibold text-success">
          <CheckCircle2 className="size-6 shrink-0" aria-hidden />
          Session logged. Well done.
        </p>
        {keptOnPhone && !sentLater && !refusedLater ? (
          <p className="mt-2 text-base">
            {own.status === 'queued' && own.retryAt !== undefined
              ? // The server asked the phone to wait: nothing the patient needs to do.
                'Saved on this phone; it will be sent later.'
              : 'Saved on this phone. It will be sent when you are back online.'}
          </p>
        ) : null}
        {sentLater ? <p className="mt-2 text-base">Sent to your clinic.</p> : null}
      </div>
      {refusedLater && result?.status === 'refused' ? (
        <Notice tone="danger" className="text-base">
          This session could not be sent. {result.message}
        </Notice>
      ) : null}
    </div>
  );
}

type Delivery = 'sending' | 'told' | 'sent' | 'queued' | 'held' | 'not_saved';

const CLINIC_LINE: Record<Delivery, string> = {
  sending: 'Sending your answers to your clinic…',
  told: 'Your clinic has been told about this. They may not see it straight away.',
  sent: 'Your answers have been sent to your clinic.',
  queued: 'Your clinic will be told when this log is sent, once your phone is back online. Do not wait for that.',
  held: 'This log is saved on this phone and will be sent to your clinic later. Do not wait for that.',
  not_saved: 'This log was not saved, so your clinic has not been told.',
};

/** The "Stop and get help" panel. Shown whenever a session log raises a red flag. */
function RedFlagGuidance({
  headingId,
  flags,
  symptoms,
  clinic,
  delivery,
}: {
  headingId: string;
  flags: string[];
  symptoms: SymptomCode[];
  clinic: ClinicHelp;
  delivery: Delivery;
}) {
  const chest = symptoms.includes('chest');
  const tingling = symptoms.includes('tingling');
  return (
    <section
      role="alert"
      aria-atomic="false"
      aria-labelledby={headingId}
      data-testid="red-flag-guidance"
      className="space-y-3 rounded-lg border-2 border-danger bg-red-50 p-4 text-base text-ink"
    >
      <h2 id={headingId} tabIndex={-1} className="flex items-center gap-2 text-xl font-bold text-danger">
        <AlertTriangle className="size-6 shrink-0" aria-hidden />
        Stop and get help
      </h2>
      <p className="font-semibold">Stop the exercises for today.</p>
      <div>
        <p>You told us about:</p>
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {flags.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      </div>
      {chest ? (
        <div className="space-y-2 rounded-md border-2 border-danger bg-white p-3">
          <p className="font-semibold">
            Chest pain or getting out of breath can be serious. Call {clinic.emergencyNumber} now. Do not wait to hear
            from your clinic.
          </p>
          <CallEmergencyLink number={clinic.emergencyNumber} />
        </div>
      ) : null}
      {tingling ? (
        <p>
          Tingling or numbness: next time, bring your elbows in, or switch to the supported version of the exercise. If
          the tingling or numbness stays, do not carry on with the exercises.
        </p>
      ) : null}
      <div className="space-y-2">
        <p>
          {chest
            ? 'When you are safe, tell your clinic what happened.'
            : 'Contact your clinic and tell them what happened.'}
        </p>
        {clinic.phone ? (
          <CallClinicLink clinic={clinic} phone={clinic.phone} tone={chest ? 'plain' : 'urgent'} />
        ) : (
          <p>
            Your clinic: <span className="font-semibold">{clinic.name}</span>
          </p>
        )}
        <ClinicHours clinic={clinic} />
        <a href="#in-person-care" className="inline-block font-medium text-brand-800 underline underline-offset-2">
          Who to see in person
        </a>
      </div>
      <p className={cn('border-t border-red-200 pt-3', delivery === 'not_saved' && 'font-semibold')}>
        {CLINIC_LINE[delivery]}
      </p>
    </section>
  );
}
