/**
 * npm run import [-- --work SLUG] [--force] [--content DIR]
 * Validates every work under content/ and writes them to the database in one
 * transaction. Exits 1, changing nothing, when any file has a problem.
 */
import { parseArgs } from "node:util";
import { ContentError } from "@/lib/content/errors";
import { createDatabase } from "@/lib/db/client";
import { describeImport, importContent } from "@/lib/db/import";

const { values } = parseArgs({ options: { work: { type: "string" }, force: { type: "boolean", default: false }, content: { type: "string" } } });
const db = createDatabase();
try {
  const reports = await importContent(db, { contentRoot: values.content, work: values.work, force: values.force });
  for (const report of reports) console.log(describeImport(report));
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(`Import failed; the database was not changed.\n${error.message}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
