/** The program that writes the exports, as TEI's and TMX's headers name it. */
import packageJson from "../../package.json" with { type: "json" };

export const EXPORT_TOOL = { name: "Parallel Reader", version: packageJson.version };
