import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { AppError } from "@/lib/errors";

/**
 * The server-side request forgery guard: a partner's URL must not make the server call itself, the
 * private network or a cloud metadata service. Checked when an endpoint is saved (a clear 422) and again
 * on every connection (DNS can change between the two), on the addresses the connection actually uses.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT (also Alibaba's metadata 100.100.100.200)
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, including 169.254.169.254 metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const)
  blocked.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96], // NAT64 of any IPv4 address
  ["fc00::", 7], // unique local, including AWS's fd00:ec2::254 metadata
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(network, prefix, "ipv6");

const MAPPED_V4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** Whether `address` (an IP literal) is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const mapped = MAPPED_V4.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  return !blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

export type Lookup = (hostname: string) => Promise<LookupAddress[]>;

const systemLookup: Lookup = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

const refused = (message: string) => new AppError("VALIDATION", message, [{ path: "url", message }]);

/**
 * Refuses a URL the guard does not allow: anything but https:, and any host that is or resolves to a
 * non-public address. `allowPrivateNetworks` (development and tests) lifts both rules.
 */
export async function assertAllowedWebhookUrl(url: string, options: { allowPrivateNetworks: boolean; lookup?: Lookup }): Promise<void> {
  const parsed = new URL(url);
  if (parsed.username || parsed.password) throw refused("The URL must not contain a user name or password.");
  if (options.allowPrivateNetworks) return;
  if (parsed.protocol !== "https:") throw refused("The URL must use https.");
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : await resolve(host, options.lookup ?? systemLookup);
  const inside = addresses.find((address) => !isPublicAddress(address));
  if (inside) throw refused(`The URL's host ${host} resolves to ${inside}, a private, loopback, link-local or metadata address.`);
}

async function resolve(host: string, lookup: Lookup): Promise<string[]> {
  try {
    return (await lookup(host)).map((entry) => entry.address);
  } catch {
    throw refused(`The URL's host ${host} does not resolve.`);
  }
}

/**
 * A `lookup` for node:http that refuses non-public addresses at connect time, so a host that resolved
 * to a public address when saved cannot be pointed at the private network later (DNS rebinding).
 */
export function guardedLookup(allowPrivateNetworks: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const inside = allowPrivateNetworks ? undefined : addresses.find((entry) => !isPublicAddress(entry.address));
      if (inside) return callback(new Error(`refused: ${hostname} resolves to the non-public address ${inside.address}`), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
