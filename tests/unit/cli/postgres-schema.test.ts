import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { postgresSchema, postgresSchemaIsCurrent, SQLITE_SCHEMA } from "@/lib/cli/postgres-schema";

const source = readFileSync(SQLITE_SCHEMA, "utf8");

describe("the PostgreSQL schema", () => {
  it("is prisma/schema.prisma with the PostgreSQL provider and its own client folder", () => {
    const schema = postgresSchema(source);
    expect(schema).toMatch(/datasource db \{\s*provider = "postgresql"/);
    expect(schema).toContain('output       = "../../lib/db/generated/postgres"');
    expect(schema).not.toContain('"sqlite"');
    // Every model line is carried over as written.
    const body = (text: string) => text.slice(text.indexOf("/// A text that exists"));
    expect(body(schema)).toBe(body(source));
  });

  it("is up to date with prisma/schema.prisma (npm run db:postgres-schema writes it)", () => {
    expect(postgresSchemaIsCurrent()).toBe(true);
  });

  it("names the file when the source no longer has the shape it rewrites", () => {
    expect(() => postgresSchema(source.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(/prisma\/schema\.prisma: expected a datasource "db" with provider = "sqlite"/);
    expect(() => postgresSchema(source.replace("../lib/db/generated/prisma", "../generated"))).toThrow(/prisma\/schema\.prisma: expected a generator "client"/);
  });
});
