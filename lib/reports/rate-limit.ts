/**
 * How often one sender may file misalignment reports. The times of the
 * sender's earlier reports come from the database, so the limit holds across
 * restarts and across instances that share the database.
 */

export interface RateLimit {
  /** Reports allowed within the window. */
  count: number;
  windowMs: number;
}

export const REPORT_RATE_LIMIT: RateLimit = { count: 5, windowMs: 10 * 60 * 1000 };

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The earliest moment that matters: reports older than this no longer count. */
export function windowStart(now: Date, limit: RateLimit = REPORT_RATE_LIMIT): Date {
  return new Date(now.getTime() - limit.windowMs);
}

/**
 * Whether one more report is allowed now, given the times of the sender's
 * earlier reports; if not, how many seconds until enough of them have aged
 * out of the window for the next one to be allowed.
 */
export function checkRate(earlier: Date[], now: Date, limit: RateLimit = REPORT_RATE_LIMIT): RateDecision {
  const since = windowStart(now, limit).getTime();
  const recent = earlier.map((time) => time.getTime()).filter((time) => time > since).sort((a, b) => a - b);
  if (recent.length < limit.count) return { allowed: true };
  // Once the oldest (recent.length - count + 1) reports have left the window, one more fits.
  const freedAt = recent[recent.length - limit.count]! + limit.windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000)) };
}
