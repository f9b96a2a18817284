/**
 * npm run export:content -- --work SLUG [--content DIR]
 * Writes a work from the database back to content/<slug>/ (edition files,
 * alignment.tsv, work.yaml) and prints the files that changed. Exit 2 when the
 * work is unknown or the result would not validate; nothing is written then.
 */
import { parseArgs } from "node:util";
import { ContentError } from "@/lib/content/errors";
import { createDatabase } from "@/lib/db/client";
import { exportWork } from "@/lib/db/export-content";

let values;
try {
  ({ values } = parseArgs({ options: { work: { type: "string" }, content: { type: "string" } } }));
} catch (error) {
  console.error(`export:content: ${(error as Error).message.split(". ")[0]} (usage: npm run export:content -- --work SLUG)`);
  process.exit(2);
}
if (!values.work) {
  console.error("export:content: --work is required (usage: npm run export:content -- --work SLUG)");
  process.exit(2);
}
const db = createDatabase();
try {
  const report = await exportWork(db, values.work, values.content);
  console.log(report.changed.length === 0 ? `${report.slug}: ${report.directory} is up to date` : `${report.slug}: wrote ${report.changed.join(", ")}`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(`export:content: nothing written.\n${error.message}`);
  process.exitCode = 2;
} finally {
  await db.$disconnect();
}
