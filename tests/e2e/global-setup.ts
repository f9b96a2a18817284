import { createDatabase } from "@/lib/db/client";
import { importContent } from "@/lib/db/import";
import { E2E_DATABASE_URL } from "../../playwright.config";

/**
 * Runs once, after the web server has started on its fresh database: adds the
 * test works of tests/fixtures/content next to the real content.
 */
export default async function globalSetup() {
  const db = createDatabase(E2E_DATABASE_URL);
  try {
    await importContent(db, { contentRoot: "tests/fixtures/content" });
  } finally {
    await db.$disconnect();
  }
}
