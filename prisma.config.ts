import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseUrl, isPostgresUrl } from "./lib/db/url.ts";
import { cliAdapterFor } from "./prisma/cli-adapters.ts";

const url = databaseUrl();
const postgres = isPostgresUrl(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", postgres ? "postgres/schema.prisma" : "schema.prisma"),
  migrations: {
    path: path.join("prisma", postgres ? "postgres/migrations" : "migrations"),
    seed: "tsx lib/cli/import.ts",
  },
  adapter: () => cliAdapterFor(url),
});
