import type * as React from 'react';
import { Select } from '@/components/ui/input';
import { PageLink } from '@/components/ui/page-link';
import type { UrlChanges } from './url-state';

/** Where the shown page sits in the whole list (from and to count from 1; both 0 when empty). */
export type PageRange = { from: number; to: number; total: number; page: number; pageCount: number };

export type Paging = {
  /** 1-based, as in the URL. */
  page: number;
  pageSize: number;
  total: number;
  /** The sizes the server accepts; without them the table has no "Rows per page" choice. */
  pageSizes?: readonly number[];
};

export function pageRange({ page, pageSize, total }: Paging): PageRange {
  return {
    from: total === 0 ? 0 : (page - 1) * pageSize + 1,
    to: Math.min(total, page * pageSize),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

// Page 1 is every list's default, so its links leave the key out.
const pageChange = (page: number): UrlChanges => ({ page: page > 1 ? page : null });

/**
 * The footer of a server-paged list: what is shown, rows per page, and previous/next links. With
 * no page sizes nothing in it runs in the browser, so a server page can render it too.
 */
export function Pager({
  paging,
  summary,
  href,
  push,
  label = 'Pages',
}: {
  /** Names the navigation for screen readers, where a page has more than one list to page. */
  label?: string;
  paging: Paging;
  summary: (range: PageRange) => React.ReactNode;
  href: (changes: UrlChanges) => string;
  push?: (changes: UrlChanges) => void;
}) {
  const range = pageRange(paging);
  return (
    <nav
      aria-label={label}
      className="flex flex-wrap items-center justify-between gap-3 border-t border-line px-4 py-3 text-sm"
    >
      <p className="text-muted">{summary(range)}</p>
      <div className="flex items-center gap-3">
        {paging.pageSizes && push ? (
          <label className="flex items-center gap-2 text-muted">
            Rows per page
            <Select
              className="h-8 w-20"
              value={paging.pageSize}
              onChange={(e) => push({ size: Number(e.target.value), ...pageChange(1) })}
            >
              {paging.pageSizes.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </label>
        ) : null}
        <span className="text-muted">
          Page {range.page} of {range.pageCount}
        </span>
        <PageLink href={href(pageChange(range.page - 1))} disabled={range.page <= 1} direction="previous" />
        <PageLink href={href(pageChange(range.page + 1))} disabled={range.page >= range.pageCount} direction="next" />
      </div>
    </nav>
  );
}
