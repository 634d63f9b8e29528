import { describe, expect, it } from 'vitest';
import { defaultEmergencyNumber, emergencyNumberOf } from './emergency';

describe('the emergency number', () => {
  it('defaults by where the clinic is', () => {
    expect(defaultEmergencyNumber('America/New_York')).toBe('911');
    expect(defaultEmergencyNumber('America/Los_Angeles')).toBe('911');
    expect(defaultEmergencyNumber('Pacific/Honolulu')).toBe('911');
    expect(defaultEmergencyNumber('Europe/London')).toBe('999');
    expect(defaultEmergencyNumber('Europe/Berlin')).toBe('112');
    expect(defaultEmergencyNumber('Europe/Dublin')).toBe('112');
    expect(defaultEmergencyNumber('Australia/Sydney')).toBe('000');
    expect(defaultEmergencyNumber('Pacific/Auckland')).toBe('111');
    // Anywhere else: 112, which GSM phones answer everywhere.
    expect(defaultEmergencyNumber('Asia/Tokyo')).toBe('112');
    expect(defaultEmergencyNumber('UTC')).toBe('112');
  });

  it('is the clinic’s own number when it set one', () => {
    expect(emergencyNumberOf({ emergencyNumber: '118', timezone: 'Europe/London' })).toBe('118');
    expect(emergencyNumberOf({ emergencyNumber: null, timezone: 'Europe/London' })).toBe('999');
  });
});
