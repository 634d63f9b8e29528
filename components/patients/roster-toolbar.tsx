import { Search } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import type { RosterQuery } from '@/lib/validation/patient';

/** A plain GET form: filters live in the URL and work without JavaScript. */
export function RosterToolbar({
  query,
  practitioners,
}: {
  query: RosterQuery;
  practitioners: { id: string; name: string }[];
}) {
  return (
    <form
      method="get"
      action="/patients"
      role="search"
      aria-label="Filter patients"
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <input type="hidden" name="size" value={query.size} />
      <div className="min-w-56 flex-1">
        <label htmlFor="roster-q" className="mb-1 block text-sm font-medium">
          Search
        </label>
        <div className="relative">
          <Search className="pointer-events-none absolute left-3 top-3 size-4 text-muted" aria-hidden />
          <Input
            id="roster-q"
            name="q"
            type="search"
            defaultValue={query.q}
            placeholder="Name, email or phone"
            className="pl-9"
            maxLength={100}
          />
        </div>
      </div>
      <div>
        <label htmlFor="roster-status" className="mb-1 block text-sm font-medium">
          Status
        </label>
        <Select id="roster-status" name="status" defaultValue={query.status} className="w-40">
          <option value="active">Active</option>
          <option value="discharged">Discharged</option>
          <option value="all">All</option>
        </Select>
      </div>
      <div>
        <label htmlFor="roster-practitioner" className="mb-1 block text-sm font-medium">
          Practitioner
        </label>
        <Select id="roster-practitioner" name="practitioner" defaultValue={query.practitioner} className="w-48">
          <option value="">Whole clinic</option>
          <option value="me">My patients</option>
          {practitioners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      {query.q || query.status !== 'active' || query.practitioner ? (
        <Link href="/patients" className="h-10 content-center text-sm text-brand-700 underline underline-offset-4">
          Clear
        </Link>
      ) : null}
    </form>
  );
}
