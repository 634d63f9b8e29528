import { describe, expect, it } from 'vitest';
import { cssString, paperFor } from './paper';

describe('paperFor', () => {
  it('takes the paper asked for in the address', () => {
    expect(paperFor('letter', 'Europe/Dublin')).toBe('letter');
    expect(paperFor('a4', 'America/Chicago')).toBe('a4');
  });
  it('falls back to the paper usual where the clinic is, whatever else is asked', () => {
    expect(paperFor(undefined, 'America/Toronto')).toBe('letter');
    expect(paperFor('tabloid', 'Europe/London')).toBe('a4');
    expect(paperFor(['letter', 'a4'], 'Australia/Sydney')).toBe('a4');
  });
});

describe('cssString', () => {
  it('keeps plain words as they are', () => {
    expect(cssString('Harbour Physio · Ref. R-1a2b')).toBe('"Harbour Physio · Ref. R-1a2b"');
  });
  it('escapes anything that could end the string or the style element', () => {
    const css = cssString('Evil "clinic" </style><script>alert(1)</script> \\');
    expect(css).not.toMatch(/<|>|\\\\|"[^"]*"[^"]/);
    expect(css.slice(1, -1)).not.toContain('"');
    expect(css).toContain('\\3c ');
  });
});
