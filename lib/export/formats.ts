/** The formats a work can be exported in, by the file extension of their address (export.tei.xml). */
import type { ReaderWork } from "../db/reader.ts";
import { csvDocument } from "./csv.ts";
import { jsonDocument } from "./json.ts";
import { teiDocument } from "./tei.ts";
import { tmxDocument } from "./tmx.ts";

export interface ExportFormatInfo {
  extension: string;
  /** The media type of the file, without parameters. */
  mediaType: string;
  /** The Content-Type header: the media type with its parameters. */
  contentType: string;
  render: (work: ReaderWork) => string;
}

export const EXPORT_FORMATS = {
  tei: { extension: "tei.xml", mediaType: "application/tei+xml", contentType: "application/tei+xml; charset=utf-8", render: teiDocument },
  // TMX has no registered media type; this is the one translation tools use.
  tmx: { extension: "tmx", mediaType: "application/x-tmx+xml", contentType: "application/x-tmx+xml; charset=utf-8", render: tmxDocument },
  csv: { extension: "csv", mediaType: "text/csv", contentType: "text/csv; charset=utf-8; header=present", render: csvDocument },
  json: { extension: "json", mediaType: "application/json", contentType: "application/json; charset=utf-8", render: jsonDocument },
} as const satisfies Record<string, ExportFormatInfo>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[];

/** The file name a download of the work in this format gets. */
export function exportFileName(slug: string, format: ExportFormat): string {
  return `${slug}.${EXPORT_FORMATS[format].extension}`;
}
