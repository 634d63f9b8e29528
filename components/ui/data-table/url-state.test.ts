import { describe, expect, it } from 'vitest';
import { pageRange } from './pager';
import { hrefWith } from './url-state';

describe('a server-paged table’s state in the URL', () => {
  it('changes only what it is asked to, keeping the filters and the rest of the view', () => {
    const current = new URLSearchParams('scope=mine&show=attention&sort=name&dir=asc&page=3');
    expect(hrefWith('/dashboard', current, { sort: 'adherence7', dir: 'desc', page: null })).toBe(
      '/dashboard?scope=mine&show=attention&sort=adherence7&dir=desc',
    );
    expect(hrefWith('/patients', new URLSearchParams('q=tanaka'), { page: 2 })).toBe('/patients?q=tanaka&page=2');
    expect(current.get('page')).toBe('3');
  });

  it('leaves a bare path when nothing is left in the query', () => {
    expect(hrefWith('/patients', new URLSearchParams('page=2'), { page: null })).toBe('/patients');
  });

  it('counts the rows shown from 1, and an empty list as one empty page', () => {
    expect(pageRange({ page: 2, pageSize: 10, total: 25 })).toEqual({
      from: 11,
      to: 20,
      total: 25,
      page: 2,
      pageCount: 3,
    });
    expect(pageRange({ page: 3, pageSize: 10, total: 25 })).toMatchObject({ from: 21, to: 25 });
    expect(pageRange({ page: 1, pageSize: 25, total: 0 })).toEqual({ from: 0, to: 0, total: 0, page: 1, pageCount: 1 });
  });
});
