import { describe, expect, it } from 'vitest';
import { parseAuditQuery } from './trail-query';

describe('the audit viewer’s filters', () => {
  it('take ids, a known action and a date range', () => {
    const id = '6f1c0c6e-3c1b-4d1e-9a43-1c2a7b7c0001';
    expect(
      parseAuditQuery({ patient: id, actor: id, action: 'patient.viewed', from: '2026-01-01', to: '2026-01-31' }),
    ).toEqual({
      query: {
        patient: id,
        actor: id,
        action: 'patient.viewed',
        from: '2026-01-01',
        to: '2026-01-31',
        dir: 'desc',
        page: 1,
        size: 25,
      },
      fieldErrors: {},
    });
  });

  it('drop what can match nothing, and say why a date was not used', () => {
    const { query, fieldErrors } = parseAuditQuery({
      patient: "1' or '1'='1",
      action: 'drop table',
      from: '0000-01-01',
      to: '2026-02-30x',
      page: '-3',
    });
    expect(query).toMatchObject({ patient: '', action: '', from: '', to: '', page: 1 });
    expect(fieldErrors.from?.[0]).toMatch(/between 2000 and 2100/);
    expect(fieldErrors.to?.[0]).toMatch(/as a date/);
    expect(parseAuditQuery({ from: '2026-03-01', to: '2026-02-01' }).fieldErrors.to?.[0]).toMatch(/cannot come before/);
    expect(parseAuditQuery({ from: '2101-01-01' }).fieldErrors.from?.[0]).toMatch(/between 2000 and 2100/);
  });
});
