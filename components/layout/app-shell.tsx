import {
  Bell,
  BookUser,
  Building2,
  ClipboardList,
  Dumbbell,
  LayoutDashboard,
  ScrollText,
  UserCircle,
  UserRound,
  Users,
} from 'lucide-react';
import type * as React from 'react';
import type { FormAction } from '@/lib/actions/action-state';
import { NavLink } from './nav-link';
import { OpenAlertsCount } from './open-alerts-count';
import { SignOutForm } from './sign-out-form';

export function AppShell({
  clinicName,
  userName,
  isAdmin,
  openAlerts,
  signOutAction,
  children,
}: {
  clinicName: string;
  userName: string;
  isAdmin: boolean;
  /** The clinic's open alerts, counted beside "Alerts". */
  openAlerts: number;
  signOutAction: FormAction;
  children: React.ReactNode;
}) {
  return (
    <div className="min-h-dvh md:grid md:grid-cols-[15rem_1fr]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="border-b border-line bg-white md:min-h-dvh md:border-b-0 md:border-r">
        <div className="flex items-center justify-between gap-2 px-4 py-4 md:block">
          <div>
            <p className="text-lg font-semibold tracking-tight text-brand-800">
              <span aria-hidden>◎ </span>RollCall
            </p>
            <p className="truncate text-xs text-muted" data-testid="clinic-name">
              {clinicName}
            </p>
          </div>
        </div>
        <nav aria-label="Main" className="flex gap-1 overflow-x-auto px-2 pb-2 md:flex-col md:pb-0">
          <NavLink href="/dashboard" icon={<LayoutDashboard aria-hidden />}>
            Dashboard
          </NavLink>
          <NavLink href="/patients" icon={<UserRound aria-hidden />}>
            Patients
          </NavLink>
          <NavLink href="/alerts" icon={<Bell aria-hidden />}>
            Alerts
            <OpenAlertsCount count={openAlerts} />
          </NavLink>
          <NavLink href="/exercises" icon={<Dumbbell aria-hidden />}>
            Exercises
          </NavLink>
          <NavLink href="/templates" icon={<ClipboardList aria-hidden />}>
            Templates
          </NavLink>
          <NavLink href="/directory" icon={<BookUser aria-hidden />}>
            Directory
          </NavLink>
          {isAdmin ? (
            <>
              <NavLink href="/settings/team" icon={<Users aria-hidden />}>
                Team
              </NavLink>
              <NavLink href="/settings/clinic" icon={<Building2 aria-hidden />}>
                Clinic
              </NavLink>
              <NavLink href="/settings/audit" icon={<ScrollText aria-hidden />}>
                Audit trail
              </NavLink>
            </>
          ) : null}
          <NavLink href="/settings/profile" icon={<UserCircle aria-hidden />}>
            Your profile
          </NavLink>
        </nav>
        <div className="hidden border-t border-line px-4 py-4 md:mt-6 md:block">
          <p className="text-sm font-medium" data-testid="user-name">
            {userName}
          </p>
          <SignOutForm action={signOutAction} className="mt-2" />
        </div>
      </aside>
      <div className="min-w-0">
        <div className="flex items-center justify-end gap-3 border-b border-line bg-white px-4 py-2 md:hidden">
          <span className="text-sm">{userName}</span>
          <SignOutForm action={signOutAction} />
        </div>
        <main id="main" className="mx-auto max-w-6xl px-4 py-6 md:px-8 md:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
