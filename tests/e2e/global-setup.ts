import { loadWork } from "@/lib/content/load";
import { createDatabase } from "@/lib/db/client";
import { importContent, importWorks } from "@/lib/db/import";
import { E2E_DATABASE_URL } from "../../playwright.config";

/**
 * Volumes on the shelf: copies of a one-paragraph work (tests/fixtures/shelf), so that the list of works
 * runs to three pages. Their titles sort after the article's, which stays on the first page.
 */
export const SHELF_VOLUMES = 52;
export const shelfTitle = (volume: number) => `Shelf volume ${String(volume).padStart(2, "0")}`;

/**
 * Runs once, after the web server has started on its fresh database: adds the
 * test works of tests/fixtures/content next to the real content, and the shelf.
 */
export default async function globalSetup() {
  const db = createDatabase(E2E_DATABASE_URL);
  try {
    await importContent(db, { contentRoot: "tests/fixtures/content" });
    const volume = loadWork("tests/fixtures/shelf");
    await importWorks(
      db,
      Array.from({ length: SHELF_VOLUMES }, (_, i) => ({ ...volume, slug: `shelf-${i + 1}`, title: shelfTitle(i + 1) })),
    );
  } finally {
    await db.$disconnect();
  }
}
