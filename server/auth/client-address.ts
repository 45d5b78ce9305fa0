/**
 * Who is on the other end of a request, for the sign-in throttle, and whether it came over
 * HTTPS, for the cookie's `Secure` flag. By default the socket says: a client can write any
 * `X-Forwarded-For` it likes, so the headers are believed only from proxies the deployment names
 * in STEPWISE_TRUST_PROXY, as a number of hops or a list of the proxies' addresses.
 */
import { isIP } from 'node:net';
import type { Context } from 'hono';
import type { AppEnv, Connection } from '../http/env.ts';

/** Whose forwarding headers to believe: the nearest `hops` proxies, or proxies at these addresses. */
export type TrustProxy = { hops: number } | { addresses: string[] };

/** Reads STEPWISE_TRUST_PROXY: empty or `0` for none, a whole number of hops, or addresses separated by commas. */
export function parseTrustProxy(value: string | undefined): TrustProxy | undefined {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0') return undefined;
  if (/^\d+$/.test(text)) return { hops: Number(text) };
  const addresses = text.split(',').map((a) => normalise(a.trim()));
  const wrong = addresses.filter((a) => isIP(a) === 0);
  if (wrong.length > 0) throw new Error(`STEPWISE_TRUST_PROXY must be a number of hops or IP addresses separated by commas; not an IP address: ${wrong.join(', ')}`);
  return { addresses };
}

/** `::ffff:203.0.113.7` (an IPv4 client on a dual-stack socket) is `203.0.113.7`. */
const normalise = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

const isTrusted = (trust: TrustProxy, address: string, hop: number) =>
  'hops' in trust ? hop < trust.hops : trust.addresses.includes(address);

/**
 * The client's address. `X-Forwarded-For` lists the addresses each proxy saw, nearest last, and
 * the socket's peer comes after them: walk back from the peer past trusted proxies, and the first
 * address not trusted is the client's. Anything the client wrote itself sits further left, unread.
 */
export function forwardedClient(peer: string | undefined, forwardedFor: string | undefined, trust: TrustProxy | undefined): string | undefined {
  if (peer === undefined) return undefined;
  const chain = [...(trust && forwardedFor ? forwardedFor.split(',').map((a) => normalise(a.trim())) : []), normalise(peer)];
  let at = chain.length - 1;
  for (let hop = 0; trust && at > 0 && isTrusted(trust, chain[at]!, hop); hop++) at -= 1;
  // A trusted proxy passed on something that is not an address: count the request against the proxy.
  return isIP(chain[at]!) === 0 ? normalise(peer) : chain[at];
}

const connection = (c: Context<AppEnv>): Connection => (c.env as AppEnv['Bindings'] | undefined)?.connection ?? {};

export function clientAddress(c: Context<AppEnv>): string | undefined {
  return forwardedClient(connection(c).address, c.req.header('x-forwarded-for'), c.get('deps').config.trustProxy);
}

/** Over TLS to this server, or to a trusted proxy that says so in `X-Forwarded-Proto` (its first value). */
export function arrivedOverHttps(c: Context<AppEnv>): boolean {
  const { address, tls } = connection(c);
  if (tls) return true;
  const trust = c.get('deps').config.trustProxy;
  if (!trust || address === undefined || !isTrusted(trust, normalise(address), 0)) return false;
  return c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
