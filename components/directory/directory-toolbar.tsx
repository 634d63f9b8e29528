import { Search } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { type DirectoryQuery, PROVIDER_DISCIPLINE_LABELS } from '@/lib/directory/provider-schema';

/** A plain GET form: filters live in the URL and work without JavaScript. */
export function DirectoryToolbar({
  query,
  languages,
  tags,
}: {
  query: DirectoryQuery;
  languages: string[];
  tags: string[];
}) {
  const filtered = Boolean(
    query.q || query.discipline || query.accepting || query.language || query.tag || query.archived,
  );
  return (
    <form
      method="get"
      action="/directory"
      role="search"
      aria-label="Filter the directory"
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <input type="hidden" name="size" value={query.size} />
      <div className="min-w-56 flex-1">
        <label htmlFor="directory-q" className="mb-1 block text-sm font-medium">
          Search
        </label>
        <div className="relative">
          <Search className="pointer-events-none absolute left-3 top-3 size-4 text-muted" aria-hidden />
          <Input
            id="directory-q"
            name="q"
            type="search"
            defaultValue={query.q}
            placeholder="Name, organisation, address or service"
            className="pl-9"
            maxLength={100}
          />
        </div>
      </div>
      <div>
        <label htmlFor="directory-discipline" className="mb-1 block text-sm font-medium">
          Discipline
        </label>
        <Select id="directory-discipline" name="discipline" defaultValue={query.discipline} className="w-48">
          <option value="">Any</option>
          {Object.entries(PROVIDER_DISCIPLINE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor="directory-accepting" className="mb-1 block text-sm font-medium">
          New patients
        </label>
        <Select id="directory-accepting" name="accepting" defaultValue={query.accepting} className="w-36">
          <option value="">Any</option>
          <option value="yes">Accepting</option>
          <option value="no">Not accepting</option>
        </Select>
      </div>
      <div>
        <label htmlFor="directory-language" className="mb-1 block text-sm font-medium">
          Language
        </label>
        <Select id="directory-language" name="language" defaultValue={query.language} className="w-36">
          <option value="">Any</option>
          {withCurrent(languages, query.language).map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <label htmlFor="directory-tag" className="mb-1 block text-sm font-medium">
          Service or tag
        </label>
        <Select id="directory-tag" name="tag" defaultValue={query.tag} className="w-40">
          <option value="">Any</option>
          {withCurrent(tags, query.tag).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
      </div>
      <label className="flex h-10 items-center gap-2 text-sm">
        <input type="checkbox" name="archived" value="1" defaultChecked={query.archived} className="size-4" />
        Show archived
      </label>
      <Button type="submit" variant="secondary">
        Apply
      </Button>
      {filtered ? (
        <Link href="/directory" className="h-10 content-center text-sm text-brand-700 underline underline-offset-4">
          Clear
        </Link>
      ) : null}
    </form>
  );
}

/** A filter from the address stays choosable even if no active entry uses it any more. */
const withCurrent = (options: string[], current: string) =>
  current && !options.some((o) => o.toLowerCase() === current.toLowerCase()) ? [...options, current] : options;
