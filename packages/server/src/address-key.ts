import { isIPv4, isIPv6 } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare const addressKeyBrand: unique symbol;

/**
 * What every per-address limit counts by (HTTP rate and in-flight requests, the large-body
 * budget, auth and join limits, socket openings and counts, match quotas): an IPv4 address as
 * is, an IPv6 address by its /64. One subscriber, one home network or one cloud server is given
 * a whole /64 and picks any address in it at will, so counting each IPv6 address apart would
 * hand one client 2^64 fresh buckets. The brand makes the compiler refuse a raw address where a
 * per-address limit expects a key.
 */
export type AddressKey = string & { readonly [addressKeyBrand]: true };

/** Hextets kept of an IPv6 address: its /64. */
const PREFIX_HEXTETS = 4;

/**
 * The key of `ip`: `1.2.3.4` stays `1.2.3.4`; `::ffff:1.2.3.4` (IPv4 mapped into IPv6, as a
 * dual-stack listener sees IPv4 clients) is `1.2.3.4`; any other IPv6 address is its /64,
 * written `2001:db8:0:1::/64` whatever the spelling (case, zeros, `::`, a zone). Anything else
 * (a proxy's header is not always an address) is kept as is, at most 64 characters.
 */
export function addressKey(ip: string): AddressKey {
  if (isIPv4(ip)) return ip as AddressKey;
  const hextets = isIPv6(ip) ? ipv6Hextets(ip) : null;
  if (hextets === null) return ip.slice(0, 64) as AddressKey;
  if (hextets.slice(0, 5).every((h) => h === 0) && hextets[5] === 0xffff) {
    const [high = 0, low = 0] = hextets.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.') as AddressKey;
  }
  const prefix = hextets.slice(0, PREFIX_HEXTETS).map((h) => h.toString(16));
  return `${prefix.join(':')}::/${PREFIX_HEXTETS * 16}` as AddressKey;
}

/** The eight 16-bit groups of a valid IPv6 address (zone dropped, a dotted IPv4 tail split). */
function ipv6Hextets(ip: string): number[] | null {
  let text = ip.split('%')[0] ?? '';
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const [a = 0, b = 0, c = 0, d = 0] = tail.split('.').map(Number);
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((h) => parseInt(h, 16)));
  const before = groups(head);
  const after = rest === undefined ? [] : groups(rest);
  const zeros = rest === undefined ? 0 : 8 - before.length - after.length;
  const hextets = [...before, ...Array<number>(Math.max(0, zeros)).fill(0), ...after];
  return hextets.length === 8 && hextets.every((h) => Number.isInteger(h)) ? hextets : null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** `addressKey(request.ip)`: what per-address limits count this request (or socket) by. */
    readonly addressKey: AddressKey;
  }
}

/**
 * Gives every request its `addressKey`, read from `ip` when asked, so it follows the address
 * another node vouched for (forwarding.ts replaces `ip` in the first hook).
 */
export function registerAddressKey(app: FastifyInstance): void {
  app.decorateRequest('addressKey', {
    getter(this: FastifyRequest) {
      return addressKey(this.ip);
    },
  });
}
