import { describe, expect, it } from 'vitest';
import { addressFromHops, clientAddress } from './client-address';

describe('addressFromHops', () => {
  it('without a trusted proxy is the connection, whatever the client wrote', () => {
    expect(addressFromHops('192.0.2.10', '203.0.113.7', 0)).toBe('192.0.2.10');
    expect(addressFromHops('192.0.2.10', '203.0.113.7, 203.0.113.8', 0)).toBe('192.0.2.10');
    expect(addressFromHops('::ffff:192.0.2.10', undefined, 0)).toBe('192.0.2.10');
    expect(addressFromHops('2001:db8::1', undefined, 0)).toBe('2001:db8::1');
  });

  it('with N trusted proxies is the address the outermost one saw', () => {
    // client -> load balancer (appends the client) -> app
    expect(addressFromHops('10.0.0.2', '198.51.100.4', 1)).toBe('198.51.100.4');
    // a client that sends its own header only adds hops in front of the real one
    expect(addressFromHops('10.0.0.2', '203.0.113.66, 198.51.100.4', 1)).toBe('198.51.100.4');
    // CDN -> load balancer -> app
    expect(addressFromHops('10.0.0.2', '203.0.113.66, 198.51.100.4, 172.16.0.9', 2)).toBe('198.51.100.4');
  });

  it('with fewer hops than trusted proxies falls back to the first one there is', () => {
    expect(addressFromHops('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
    expect(addressFromHops('10.0.0.2', '198.51.100.4', 3)).toBe('198.51.100.4');
    expect(addressFromHops(undefined, undefined, 0)).toBe('unknown');
  });
});

describe('clientAddress', () => {
  it('reads the one address the server settled', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '192.0.2.10' }))).toBe('192.0.2.10');
    expect(clientAddress(new Headers())).toBe('unknown');
  });
});
