import { BlockList, isIP } from "node:net";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";

// Addresses a fetch on behalf of an API caller must never reach: this machine, its networks and
// the cloud metadata endpoints (169.254.169.254 is link-local). IANA special-purpose registries.
const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const)
  blocked.addSubnet(net, bits, "ipv6");

/** True for loopback, private, link-local, shared, multicast and reserved addresses (IPv4-mapped IPv6 included). */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, "");
  const kind = isIP(bare);
  if (kind === 4) return blocked.check(bare, "ipv4");
  if (kind === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
    if (mapped) return blocked.check(mapped[1], "ipv4");
    return blocked.check(bare, "ipv6");
  }
  return false;
}

export class AddressRefused extends Error {
  readonly code = "EADDRREFUSED";
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      `${host} resolves to ${address}, a private, loopback or link-local address (set NEWSFUSE_FETCH_ALLOW_PRIVATE=1 to allow)`,
    );
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that refuses addresses after resolution, so the address checked is the
 * address connected to (no second resolution an attacker's DNS could answer differently).
 */
export function lookupRefusing(refused: (ip: string) => boolean) {
  return (hostname: string, options: object, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (e, addresses) => {
      if (e) return callback(e, []);
      const list = addresses as LookupAddress[];
      const bad = list.find((a) => refused(a.address));
      if (bad) return callback(new AddressRefused(hostname, bad.address), []);
      if ((options as { all?: boolean }).all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

/** The lookup that refuses private, loopback and link-local addresses. */
export const guardedLookup = lookupRefusing(isPrivateAddress);

/**
 * Why `url` may not be fetched on behalf of an API caller (its host is or resolves to a private
 * address), or null. The fetcher checks again when it connects, and on every redirect.
 */
export async function addressRefusal(url: string): Promise<string | null> {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return `${url} is not a URL`;
  }
  if (isIP(host)) return isPrivateAddress(host) ? new AddressRefused(host, host).message : null;
  const { lookup } = await import("node:dns/promises");
  let list: LookupAddress[];
  try {
    list = await lookup(host, { all: true });
  } catch (e) {
    return `${host} does not resolve (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
  const bad = list.find((a) => isPrivateAddress(a.address));
  return bad ? new AddressRefused(host, bad.address).message : null;
}
