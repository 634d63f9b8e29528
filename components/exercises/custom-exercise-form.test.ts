import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CONTRAINDICATIONS } from '@/lib/screening/contraindications';
import { ContraindicationsField } from './contraindications-field';
import { CustomExerciseForm } from './custom-exercise-form';

/** The contraindication codes a rendered form has ticked. */
const tickedIn = (html: string) =>
  [...html.matchAll(/<input[^>]*name="contraindications"[^>]*>/g)]
    .filter(([tag]) => / checked=""/.test(tag))
    .map(([tag]) => /value="([^"]+)"/.exec(tag)?.[1]);

describe('the new-exercise form', () => {
  it('starts with every absolute contraindication ticked, not with none', () => {
    const html = renderToStaticMarkup(createElement(CustomExerciseForm, { library: [], action: async (s) => s }));
    expect(tickedIn(html).sort()).toEqual(
      CONTRAINDICATIONS.filter((c) => c.severity === 'absolute')
        .map((c) => c.code)
        .sort(),
    );
    expect(html).not.toContain('name="noContraindications"');
  });

  it('offers the confirmation only with nothing ticked, and shows the refusal beside the boxes', () => {
    const field = (ticked: string[], error?: string) =>
      renderToStaticMarkup(
        createElement(ContraindicationsField, {
          ticked: new Set(ticked),
          onToggle: () => {},
          kindLabel: 'Soft tissue',
          confirmedNone: false,
          error,
        }),
      );
    expect(field(['pregnancy'])).not.toContain('name="noContraindications"');
    const refused = field([], 'Tick the conditions this exercise is not suitable for.');
    expect(refused).toContain('name="noContraindications"');
    expect(refused).toMatch(
      /data-testid="ex-contraindications-error">Tick the conditions this exercise is not suitable for.</,
    );
    expect(refused).toMatch(/<input[^>]*aria-invalid="true"[^>]*value="bone_tumour"/);
    expect(field(['pregnancy'])).not.toContain('aria-invalid="true"');
  });
});
