/**
 * Where a webhook may be sent. A subscription's URL must be https to a public address: a
 * receiver on a private or internal address would let an admin make the server reach into the
 * network it runs in (server-side request forgery). The one exception, for tests and development,
 * is a receiver on loopback, over http or https, and only when the server is started with
 * STEPWISE_WEBHOOKS_ALLOW_LOOPBACK=true.
 *
 * Checked twice: the URL as written when the subscription is made (literal addresses and
 * `localhost`), and every address the host name resolves to just before each delivery. Honest
 * limit: the address is looked up again by the HTTP client, so a DNS server that answers
 * differently within that moment (DNS rebinding) is not caught; a council's egress proxy or
 * firewall is the stronger control, and the README says so.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export interface DestinationPolicy {
  /** Allow receivers on loopback (127.0.0.0/8, ::1, localhost), over http too: tests and development only. */
  allowLoopback: boolean;
}

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Addresses that are not the public internet (RFC 6890 special-purpose ranges). */
const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 3],
] as const) internal.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96], ['100::', 64]] as const) {
  internal.addSubnet(net, prefix, 'ipv6');
}

/** An IPv4 address written inside IPv6 (`::ffff:10.0.0.1`) is judged as the IPv4 address. */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

export const isLoopbackAddress = (raw: string) => {
  const { address, family } = unmapped(raw);
  return loopback.check(address, family);
};
export const isInternalAddress = (raw: string) => {
  const { address, family } = unmapped(raw);
  return internal.check(address, family);
};

/** The host without IPv6 brackets or the root's trailing dot (`localhost.` is localhost). */
const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
const isLocalhostName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

/** Why the URL may not be used, in words for the admin, or null if it may. No DNS: see `checkResolved`. */
export function refuseUrl(raw: string, policy: DestinationPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter a full URL starting with https://';
  }
  if (url.username || url.password) return 'Do not put a user name or password in the URL: deliveries are signed instead.';
  if (url.hash) return 'Leave out the #fragment: it is never sent.';
  const host = bare(url.hostname);
  const loop = isLocalhostName(host) || (isIP(host) !== 0 && isLoopbackAddress(host));
  if (loop) return policy.allowLoopback ? null : 'Webhooks cannot be sent to this server’s own machine (loopback).';
  if (url.protocol !== 'https:') return url.protocol === 'http:' ? 'Use https: deliveries are only sent over TLS.' : 'Enter a URL starting with https://';
  if (isIP(host) !== 0 && isInternalAddress(host)) return 'Webhooks cannot be sent to a private or internal address; use the receiver’s public https address.';
  return null;
}

/** Just before sending: refuses a host that resolves to an address the policy does not allow. */
export async function checkResolved(raw: string, policy: DestinationPolicy): Promise<void> {
  const refused = refuseUrl(raw, policy);
  if (refused) throw new DestinationRefused(refused);
  const host = bare(new URL(raw).hostname);
  const addresses = isIP(host) !== 0 ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  for (const address of addresses) {
    if (policy.allowLoopback && isLoopbackAddress(address)) continue;
    if (isInternalAddress(address)) throw new DestinationRefused(`The receiver's host resolves to an internal address (${address}).`);
  }
}

export class DestinationRefused extends Error {
  override readonly name = 'DestinationRefused';
  readonly code = 'destination_refused';
}
