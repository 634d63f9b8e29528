import { describe, expect, it } from 'vitest';
import { telHref } from './types';

describe('telHref', () => {
  it('keeps digits and a leading plus', () => {
    expect(telHref('+44 (0)20 7946-0000')).toBe('tel:+4402079460000');
    expect(telHref('020 7946 0000')).toBe('tel:02079460000');
  });
});
