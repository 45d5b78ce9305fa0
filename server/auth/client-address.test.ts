import { describe, expect, it } from 'vitest';
import { forwardedClient, parseTrustProxy } from './client-address.ts';

describe('STEPWISE_TRUST_PROXY', () => {
  it('reads nothing as no proxy, a number as hops and a list as proxy addresses, and refuses anything else', () => {
    expect(parseTrustProxy(undefined)).toBeUndefined();
    expect(parseTrustProxy(' ')).toBeUndefined();
    expect(parseTrustProxy('0')).toBeUndefined();
    expect(parseTrustProxy('2')).toEqual({ hops: 2 });
    expect(parseTrustProxy('10.0.0.2, ::ffff:10.0.0.3,fd00::1')).toEqual({ addresses: ['10.0.0.2', '10.0.0.3', 'fd00::1'] });
    expect(() => parseTrustProxy('10.0.0.0/8')).toThrow(/not an IP address: 10.0.0.0\/8/);
    expect(() => parseTrustProxy('loopback')).toThrow(/STEPWISE_TRUST_PROXY/);
  });
});

describe('the client address', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(forwardedClient('203.0.113.7', '192.0.2.1', undefined)).toBe('203.0.113.7');
    expect(forwardedClient('::ffff:203.0.113.7', undefined, undefined)).toBe('203.0.113.7');
    expect(forwardedClient(undefined, '192.0.2.1', { hops: 1 })).toBeUndefined();
  });

  it('with hops, is the address that many proxies back from the socket, or the first one given', () => {
    expect(forwardedClient('10.0.0.2', '192.0.2.1, 203.0.113.7', { hops: 1 })).toBe('203.0.113.7');
    expect(forwardedClient('10.0.0.2', '192.0.2.1, 203.0.113.7, 10.0.0.1', { hops: 2 })).toBe('203.0.113.7');
    expect(forwardedClient('10.0.0.2', '203.0.113.7', { hops: 3 })).toBe('203.0.113.7');
    expect(forwardedClient('10.0.0.2', undefined, { hops: 1 })).toBe('10.0.0.2');
  });

  it('with addresses, is the nearest address that is not a trusted proxy', () => {
    const trust = { addresses: ['10.0.0.1', '10.0.0.2'] };
    expect(forwardedClient('10.0.0.2', '192.0.2.1, 203.0.113.7, 10.0.0.1', trust)).toBe('203.0.113.7');
    expect(forwardedClient('198.51.100.9', '203.0.113.7', trust)).toBe('198.51.100.9');
  });

  it('falls back to the proxy when what it passed on is not an address', () => {
    expect(forwardedClient('10.0.0.2', 'unknown', { hops: 1 })).toBe('10.0.0.2');
  });
});
