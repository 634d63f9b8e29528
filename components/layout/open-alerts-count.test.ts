import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { OpenAlertsCount } from './open-alerts-count';

/** The sidebar link as rendered, and what a screen reader names it (aria-hidden parts left out). */
function alertsLink(count: number) {
  const html = renderToStaticMarkup(
    createElement('a', { href: '/alerts' }, 'Alerts', createElement(OpenAlertsCount, { count })),
  );
  const name = html
    .replace(/<span aria-hidden="true"[^>]*>.*?<\/span>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'");
  const badge = /data-testid="open-alerts-count"[^>]*>([^<]*)</.exec(html)?.[1] ?? null;
  return { name, badge };
}

describe('the sidebar’s Alerts link', () => {
  it('says how many alerts are open, to the eye and to a screen reader', () => {
    expect(alertsLink(3)).toEqual({ name: 'Alerts, 3 open', badge: '3' });
    expect(alertsLink(1)).toEqual({ name: 'Alerts, 1 open', badge: '1' });
    expect(alertsLink(250)).toEqual({ name: 'Alerts, 250 open', badge: '99+' });
  });

  it('is plain "Alerts" when none are open', () => {
    expect(alertsLink(0)).toEqual({ name: 'Alerts', badge: null });
  });
});
