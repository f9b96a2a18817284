export type SearchEngine = "sqlite" | "postgresql";

/**
 * Which engine a client (or a transaction of one) talks to. Both engines'
 * clients share one TypeScript type (client.ts), so the provider recorded in
 * the generated client is read at run time.
 */
export function searchEngineOf(db: object): SearchEngine {
  return (db as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}
