import { describe, expect, it } from "vitest";
import { checkRate, REPORT_RATE_LIMIT, windowStart } from "@/lib/reports/rate-limit";

const now = new Date(Date.UTC(2026, 10, 28, 12, 0, 0));
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("the report rate limit", () => {
  it("allows five reports in ten minutes", () => {
    expect(REPORT_RATE_LIMIT).toEqual({ count: 5, windowMs: 600_000 });
    expect(checkRate([], now)).toEqual({ allowed: true });
    expect(checkRate([ago(1), ago(2), ago(3), ago(4)], now)).toEqual({ allowed: true });
  });

  it("refuses the sixth, saying when the oldest report leaves the window", () => {
    expect(checkRate([ago(10), ago(20), ago(30), ago(40), ago(500)], now)).toEqual({ allowed: false, retryAfterSeconds: 100 });
  });

  it("counts only the reports inside the window", () => {
    expect(checkRate([ago(1), ago(2), ago(3), ago(4), ago(600), ago(3600)], now)).toEqual({ allowed: true });
    expect(windowStart(now).getTime()).toBe(now.getTime() - 600_000);
  });

  it("waits for enough reports to leave when there are more than the limit (another instance let some through)", () => {
    const times = [ago(1), ago(2), ago(3), ago(100), ago(200), ago(590), ago(599)];
    // Seven in the window: three must leave; the third oldest (ago 200) leaves in 400 s.
    expect(checkRate(times, now)).toEqual({ allowed: false, retryAfterSeconds: 400 });
  });

  it("asks to wait at least a second, and applies any limit given", () => {
    expect(checkRate([ago(600 - 0.2)], now, { count: 1, windowMs: 600_000 })).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(checkRate([ago(5), ago(6)], now, { count: 2, windowMs: 60_000 })).toEqual({ allowed: false, retryAfterSeconds: 54 });
  });
});
