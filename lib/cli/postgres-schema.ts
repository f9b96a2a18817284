/**
 * npm run db:postgres-schema [-- --check]
 * Writes prisma/postgres/schema.prisma from prisma/schema.prisma, the one
 * data model: the PostgreSQL schema differs only in its provider and in where
 * its client is generated. With --check it writes nothing and exits 1 when
 * the file is out of date.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";

const SQLITE_PROVIDER = /(\bdatasource\s+db\s*\{[^}]*?\bprovider\s*=\s*)"sqlite"/;
// Client outputs are relative to their schema file, and the PostgreSQL schema lives one folder deeper.
const SQLITE_CLIENT_OUTPUT = /(\bgenerator\s+client\s*\{[^}]*?\boutput\s*=\s*)"\.\.\/lib\/db\/generated\/prisma"/;
const POSTGRES_CLIENT_OUTPUT = "../../lib/db/generated/postgres";

const NOTICE = `// Generated from ${SQLITE_SCHEMA} by \`npm run db:postgres-schema\`: edit that file, not this one.\n\n`;

/** The PostgreSQL variant of the SQLite data model. Throws, naming the file, when the source no longer has the expected shape. */
export function postgresSchema(sqliteSchema: string): string {
  for (const [pattern, what] of [
    [SQLITE_PROVIDER, 'a datasource "db" with provider = "sqlite"'],
    [SQLITE_CLIENT_OUTPUT, 'a generator "client" with output = "../lib/db/generated/prisma"'],
  ] as const) {
    if (!pattern.test(sqliteSchema)) throw new Error(`${SQLITE_SCHEMA}: expected ${what}; update lib/cli/postgres-schema.ts if the schema changed shape`);
  }
  return (
    NOTICE +
    sqliteSchema
      .replace(SQLITE_PROVIDER, '$1"postgresql"')
      .replace(SQLITE_CLIENT_OUTPUT, `$1"${POSTGRES_CLIENT_OUTPUT}"`)
  );
}

/** Whether prisma/postgres/schema.prisma is what postgresSchema() makes of prisma/schema.prisma. */
export function postgresSchemaIsCurrent(): boolean {
  return readFileSync(POSTGRES_SCHEMA, "utf8") === postgresSchema(readFileSync(SQLITE_SCHEMA, "utf8"));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });
  if (values.check) {
    if (!postgresSchemaIsCurrent()) {
      console.error(`${POSTGRES_SCHEMA} is out of date with ${SQLITE_SCHEMA}: run npm run db:postgres-schema`);
      process.exit(1);
    }
  } else {
    writeFileSync(POSTGRES_SCHEMA, postgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
    console.log(`wrote ${POSTGRES_SCHEMA}`);
  }
}
