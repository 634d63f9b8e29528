import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Pager } from './pager';

describe('the pager', () => {
  it('renders on the server without page sizes: a named navigation, where it is, and links to either side', () => {
    const html = renderToStaticMarkup(
      createElement(Pager, {
        label: 'Logged sessions pages',
        paging: { page: 2, pageSize: 20, total: 45 },
        summary: ({ from, to, total }) => `Sessions ${from}–${to} of ${total}`,
        href: ({ page }) => `/patients/p${page ? `?logs=${page}` : ''}#logs`,
      }),
    );
    expect(html).toContain('<nav aria-label="Logged sessions pages"');
    expect(html).toContain('Sessions 21–40 of 45');
    expect(html).toContain('Page 2 of 3');
    expect(html).toMatch(/aria-label="Previous page" href="\/patients\/p#logs"/);
    expect(html).toMatch(/aria-label="Next page" href="\/patients\/p\?logs=3#logs"/);
    expect(html).not.toContain('Rows per page');
  });
});
