/**
 * Who sent a report, as far as the rate limit needs to know: a salted hash of
 * the sender's network address. The address itself is never stored.
 */
import { createHmac, randomBytes } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";

// Without REPORT_SENDER_SALT each process salts with its own random value: hashes then differ between
// instances and restarts, which only makes the limit per instance; the address is safe either way.
const processSalt = randomBytes(32).toString("base64url");

export function senderSalt(env: Record<string, string | undefined> = process.env): string {
  const configured = env.REPORT_SENDER_SALT;
  return configured && configured.trim() !== "" ? configured : processSalt;
}

function expandIPv6(address: string): string[] {
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left;
  return groups.map((group) => group.toLowerCase().padStart(4, "0"));
}

/**
 * The address a request came from: the last X-Forwarded-For entry, which is
 * the one the nearest proxy (or Next.js, from the socket) wrote. IPv4 mapped
 * into IPv6 is read as IPv4, and an IPv6 address counts by its /64 network,
 * which one subscriber usually holds whole. "unknown" when there is none.
 */
export function senderAddress(forwardedFor: string | null): string {
  const last = forwardedFor?.split(",").at(-1)?.trim().replace(/^\[|\]$/g, "") ?? "";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(last);
  if (mapped) return mapped[1]!;
  if (isIPv4(last)) return last;
  if (isIPv6(last.split("%")[0]!)) return `${expandIPv6(last.split("%")[0]!).slice(0, 4).join(":")}::/64`;
  return last === "" ? "unknown" : last.slice(0, 100);
}

/** The stored form of a sender: an HMAC of the address under the salt. */
export function senderHash(address: string, salt: string = senderSalt()): string {
  return createHmac("sha256", salt).update(address).digest("base64url");
}
