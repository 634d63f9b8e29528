import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV export', () => {
  it('escapes cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1 503 555')).toBe(`"'+1 503 555"`);
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\tcmd')).toBe(`"'\tcmd"`);
    expect(csvCell('Maria Lopez')).toBe('"Maria Lopez"');
    // Full-width operators, which spreadsheets in Japanese and Chinese locales run as formulas.
    expect(csvCell('＝1+1')).toBe(`"'＝1+1"`);
    expect(csvCell('＋81 3 5555')).toBe(`"'＋81 3 5555"`);
    expect(csvCell('－2')).toBe(`"'－2"`);
    expect(csvCell('＠SUM(A1)')).toBe(`"'＠SUM(A1)"`);
    expect(csvCell('a＝b')).toBe('"a＝b"');
    expect(csvCell(0.5)).toBe('"0.5"');
    // A number is written as a number, so a falling pain score stays sortable and summable.
    expect(csvCell(-1.5)).toBe('"-1.5"');
    expect(csvCell(-0)).toBe('"0"');
    expect(csvCell(null)).toBe('""');
  });

  it('joins rows with CRLF and quotes embedded quotes and newlines', () => {
    expect(toCsv(['a', 'b'], [['x "y"', 'line1\nline2']])).toBe('"a","b"\r\n"x ""y""","line1\nline2"\r\n');
  });
});
