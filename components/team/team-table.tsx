'use client';

import { useActionState } from 'react';
import { useActionToast } from '@/components/ui/action-toast';
import { Badge } from '@/components/ui/badge';
import { Select } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, type FormAction, idle } from '@/lib/actions/action-state';
import { DISCIPLINE_LABELS } from '@/lib/validation/account';

export type TeamRow = {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'practitioner';
  discipline: keyof typeof DISCIPLINE_LABELS;
  disabledAt: string | null;
  mustChangePassword: boolean;
  /** Written out by the server in the clinic's timezone: sign-ins are staff events. */
  lastSignIn: string | null;
  createdAt: string;
};

type MemberActions = { changeRoleAction: FormAction; setDisabledAction: FormAction };

export function TeamTable({
  rows,
  currentUserId,
  ...actions
}: { rows: TeamRow[]; currentUserId: string } & MemberActions) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Practitioners in your clinic</caption>
        <thead className="border-b border-line bg-surface text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">
              Practitioner
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              Role
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              Last sign-in
            </th>
            <th scope="col" className="px-4 py-3 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <TeamMember key={row.id} row={row} isSelf={row.id === currentUserId} {...actions} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TeamMember({
  row,
  isSelf,
  changeRoleAction,
  setDisabledAction,
}: { row: TeamRow; isSelf: boolean } & MemberActions) {
  const [roleState, roleAction] = useActionState<ActionState, FormData>(changeRoleAction, idle);
  const [disableState, disableAction] = useActionState<ActionState, FormData>(setDisabledAction, idle);
  useActionToast(roleState);
  useActionToast(disableState);
  const disabled = Boolean(row.disabledAt);
  return (
    <tr className="border-b border-line last:border-0" data-testid={`member-${row.email}`}>
      <td className="px-4 py-3 align-top">
        <div className="font-medium">
          {row.name} {isSelf ? <span className="text-muted">(you)</span> : null}
        </div>
        <div className="text-muted">{row.email}</div>
        <div className="mt-1 flex flex-wrap gap-1">
          <Badge>{DISCIPLINE_LABELS[row.discipline]}</Badge>
          {disabled ? <Badge tone="danger">Disabled</Badge> : null}
          {row.mustChangePassword && !disabled ? <Badge tone="warning">Temporary password</Badge> : null}
        </div>
      </td>
      <td className="px-4 py-3 align-top">
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={row.id} />
          <label className="sr-only" htmlFor={`role-${row.id}`}>
            Role for {row.name}
          </label>
          <Select id={`role-${row.id}`} name="role" defaultValue={row.role} className="h-8 w-36">
            <option value="practitioner">Practitioner</option>
            <option value="admin">Admin</option>
          </Select>
          <SubmitButton size="sm" variant="secondary">
            Save
          </SubmitButton>
        </form>
      </td>
      <td className="whitespace-nowrap px-4 py-3 align-top text-muted">{row.lastSignIn ?? 'Never'}</td>
      <td className="px-4 py-3 text-right align-top">
        {isSelf ? null : (
          <form action={disableAction}>
            <input type="hidden" name="userId" value={row.id} />
            <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
            <SubmitButton
              size="sm"
              variant={disabled ? 'secondary' : 'danger'}
              aria-label={`${disabled ? 'Enable' : 'Disable'} ${row.name}`}
            >
              {disabled ? 'Enable' : 'Disable'}
            </SubmitButton>
          </form>
        )}
      </td>
    </tr>
  );
}
