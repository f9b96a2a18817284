import { startCluster } from "@/lib/cli/postgres-cluster";

/**
 * A PostgreSQL server for the tests that always need one (migrations, CLI
 * adapters, read replicas): TEST_POSTGRES_URL's when npm run test:pg provides
 * it, otherwise a throwaway cluster of the calling test file's own.
 */
export async function postgresServer(): Promise<{ url: string; stop: () => void }> {
  const url = process.env.TEST_POSTGRES_URL;
  if (url) return { url, stop: () => {} };
  const cluster = await startCluster();
  return { url: cluster.url(), stop: () => cluster.stop() };
}
