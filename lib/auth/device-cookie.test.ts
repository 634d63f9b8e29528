import { describe, expect, it } from 'vitest';
import { deviceCookieName, deviceFromCookieHeader, issueDeviceCookie, verifiedDevice } from './device-cookie';

describe('device cookies', () => {
  it('verify for the account they were issued to, and only that one', () => {
    const cookie = issueDeviceCookie('Ana@Clinic.example.com', false);
    expect(cookie.name).toBe(deviceCookieName('ana@clinic.example.com'));
    expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
    const device = verifiedDevice('ana@clinic.example.com', cookie.value);
    expect(device).toMatch(/^[\w-]{22}$/);
    expect(verifiedDevice('ben@clinic.example.com', cookie.value)).toBeNull();
  });

  it('refuse a forged, altered or empty value', () => {
    const { value } = issueDeviceCookie('ana@clinic.example.com', true);
    const [nonce, mac] = value.split('.');
    expect(verifiedDevice('ana@clinic.example.com', `${nonce}x.${mac}`)).toBeNull();
    expect(verifiedDevice('ana@clinic.example.com', `${nonce}.${mac!.slice(1)}`)).toBeNull();
    expect(verifiedDevice('ana@clinic.example.com', `${nonce}`)).toBeNull();
    expect(verifiedDevice('ana@clinic.example.com', '')).toBeNull();
    expect(verifiedDevice('ana@clinic.example.com', undefined)).toBeNull();
  });

  it('are found in a Cookie header among others', () => {
    const cookie = issueDeviceCookie('ana@clinic.example.com', false);
    const header = `a=1; ${cookie.name}=${cookie.value}; authjs.session-token=xyz`;
    expect(deviceFromCookieHeader('ana@clinic.example.com', header)).toBe(cookie.value.split('.')[0]);
    expect(deviceFromCookieHeader('ana@clinic.example.com', 'a=1')).toBeNull();
    expect(deviceFromCookieHeader('ana@clinic.example.com', null)).toBeNull();
  });
});
