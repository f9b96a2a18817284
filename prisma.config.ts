import { defineConfig } from "prisma/config";
import { databaseUrl, prismaFilesFor } from "./lib/db/url.ts";
import { cliAdapterFor } from "./prisma/cli-adapters.ts";

// DATABASE_URL picks the engine: its schema, its migrations and its driver adapter.
const url = databaseUrl();
const files = prismaFilesFor(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: files.schema,
  migrations: {
    path: files.migrations,
    seed: "tsx lib/cli/import.ts",
  },
  adapter: () => cliAdapterFor(url),
});
