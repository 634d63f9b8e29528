import { redirect } from 'next/navigation';

// The practitioner area starts at the dashboard; proxy.ts sends signed-out visitors to /login.
export default function Home() {
  redirect('/dashboard');
}
