/**
 * Given an admin subscribing a receiver, Then only https to a public address is accepted; loopback
 * (over http too) only when the server allows it for tests and development; and a host name that
 * resolves to an internal address is refused just before sending.
 */
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { checkResolved, isInternalAddress, refuseUrl } from './destination.ts';

const strict = { allowLoopback: false };
const dev = { allowLoopback: true };

describe('where webhooks may go', () => {
  it('accepts https to a public host or address', () => {
    expect(refuseUrl('https://mosaic.camden.gov.uk/stepwise', strict)).toBeNull();
    expect(refuseUrl('https://81.2.69.160:8443/hook', strict)).toBeNull();
    expect(refuseUrl('https://[2a00:1450:4009:81f::200e]/hook', strict)).toBeNull();
  });

  it('refuses http, other schemes, credentials in the URL and things that are not URLs', () => {
    expect(refuseUrl('http://mosaic.camden.gov.uk/stepwise', strict)).toMatch(/Use https/);
    expect(refuseUrl('ftp://mosaic.camden.gov.uk/', strict)).toMatch(/https:\/\//);
    expect(refuseUrl('https://user:pass@mosaic.camden.gov.uk/', strict)).toMatch(/user name or password/);
    expect(refuseUrl('mosaic.camden.gov.uk', strict)).toMatch(/full URL/);
  });

  it('refuses private, link-local, cloud metadata and loopback addresses', () => {
    for (const url of ['https://10.1.2.3/', 'https://192.168.0.10/', 'https://172.20.0.1/', 'https://169.254.169.254/latest', 'https://[fd00::1]/', 'https://[::ffff:10.0.0.1]/', 'https://0.0.0.0/']) {
      expect(refuseUrl(url, strict), url).toMatch(/private or internal|loopback/);
    }
    for (const url of ['https://127.0.0.1/', 'http://localhost:4000/', 'https://[::1]/', 'https://api.localhost/']) expect(refuseUrl(url, strict), url).toMatch(/loopback/);
  });

  it('allows loopback, over http too, only where the server allows it, and still not private addresses', () => {
    expect(refuseUrl('http://127.0.0.1:4000/hook', dev)).toBeNull();
    expect(refuseUrl('http://localhost:4000/hook', dev)).toBeNull();
    expect(refuseUrl('http://10.0.0.5/hook', dev)).toMatch(/Use https/);
    expect(refuseUrl('https://10.0.0.5/hook', dev)).toMatch(/private or internal/);
  });

  it('refuses, just before sending, a host name that resolves to loopback', async () => {
    expect(refuseUrl('https://localhost./hook', strict)).toMatch(/loopback/);
    // This machine's own name passes the URL check but resolves to loopback (Debian's /etc/hosts).
    const name = hostname();
    const resolvesInternal = (await lookup(name, { all: true })).some((a) => isInternalAddress(a.address));
    expect(resolvesInternal, `${name} should resolve to this machine`).toBe(true);
    expect(refuseUrl(`https://${name}:4000/hook`, strict)).toBeNull();
    await expect(checkResolved(`https://${name}:4000/hook`, strict)).rejects.toThrow(/resolves to an internal address/);
    await expect(checkResolved('http://127.0.0.1:4000/hook', dev)).resolves.toBeUndefined();
  });
});
