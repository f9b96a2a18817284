import { describe, expect, it } from "vitest";
import { senderAddress, senderHash, senderSalt } from "@/lib/reports/sender";

describe("the sender of a report", () => {
  it("is the address the nearest proxy wrote: the last X-Forwarded-For entry", () => {
    expect(senderAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(senderAddress("198.51.100.1, 203.0.113.7")).toBe("203.0.113.7");
    expect(senderAddress(" 203.0.113.7 ")).toBe("203.0.113.7");
    expect(senderAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(senderAddress(null)).toBe("unknown");
    expect(senderAddress("")).toBe("unknown");
  });

  it("counts an IPv6 address by its /64 network", () => {
    expect(senderAddress("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:0db8:0001:0002::/64");
    expect(senderAddress("2001:db8:1:2::1")).toBe("2001:0db8:0001:0002::/64");
    expect(senderAddress("[2001:DB8::5]")).toBe("2001:0db8:0000:0000::/64");
    expect(senderAddress("::1")).toBe("0000:0000:0000:0000::/64");
    expect(senderAddress("fe80::1%eth0")).toBe("fe80:0000:0000:0000::/64");
  });

  it("is stored as a salted hash that does not contain the address", () => {
    const hash = senderHash("203.0.113.7", "salt-a");
    expect(hash).not.toContain("203");
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(senderHash("203.0.113.7", "salt-a")).toBe(hash);
    expect(senderHash("203.0.113.7", "salt-b")).not.toBe(hash);
    expect(senderHash("203.0.113.8", "salt-a")).not.toBe(hash);
  });

  it("is salted by REPORT_SENDER_SALT, or by a random value of the process", () => {
    expect(senderSalt({ REPORT_SENDER_SALT: "configured" })).toBe("configured");
    const random = senderSalt({});
    expect(random).toHaveLength(43);
    expect(senderSalt({ REPORT_SENDER_SALT: " " })).toBe(random);
  });
});
