import { IngestError } from "./errors.ts";

/** The formats an edition can be imported from. */
export type InputFormat = "text" | "markdown" | "docx" | "pdf";

/**
 * The largest file accepted. A journal article's PDF is a few megabytes and a
 * book rarely passes 20 MB; anything near 50 MB is a scan or the wrong file.
 */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

const PDF_MAGIC = "%PDF-";
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function megabytes(size: number): string {
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Tells the format of a file by its bytes first (a PDF or a DOCX renamed to
 * .txt is still read as what it is), then by its name for plain text and
 * Markdown. Refuses empty and oversized files.
 */
export function detectFormat(bytes: Uint8Array, file: string): InputFormat {
  if (bytes.length === 0) throw new IngestError(`${file} is empty`);
  if (bytes.length > MAX_INPUT_BYTES) throw new IngestError(`${file} is ${megabytes(bytes.length)}; the limit is ${megabytes(MAX_INPUT_BYTES)}`);
  if (startsWith(bytes, [...PDF_MAGIC].map((char) => char.charCodeAt(0)))) return "pdf";
  if (startsWith(bytes, ZIP_MAGIC)) {
    if (/\.docx$/i.test(file) || containsAscii(bytes, "word/document.xml")) return "docx";
    throw new IngestError(`${file} is a ZIP archive but not a Word document (DOCX)`);
  }
  if (/\.docx?$/i.test(file)) throw new IngestError(`${file} is not a DOCX file (an old binary .doc? save it as .docx)`);
  if (/\.pdf$/i.test(file)) throw new IngestError(`${file} is not a PDF file (it does not start with %PDF-)`);
  return /\.(md|markdown)$/i.test(file) ? "markdown" : "text";
}

function containsAscii(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, "latin1");
}

/**
 * Decodes a plain-text or Markdown file: UTF-8 only (with or without a byte
 * order mark), and text only: NUL and other control characters mean a binary
 * file, and a UTF-16 byte order mark means the wrong encoding.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) throw new IngestError(`${file} is UTF-16 text; save it as UTF-8`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new IngestError(`${file} is a binary file, not text (a NUL byte at offset ${nul})`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError(`${file} is not valid UTF-8 text${firstInvalidByte(bytes)}`);
  }
  // Tab, line feed, form feed (a page break in extracted text) and carriage return are text; other C0 controls are not.
  const control = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.exec(text);
  if (control) throw new IngestError(`${file} is a binary file, not text (control character U+${control[0].charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()} at line ${lineAt(text, control.index)})`);
  text = text.replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new IngestError(`${file} has no text`);
  return text;
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split("\n").length;
}

/** Where decoding failed, for the error message: the byte offset of the first invalid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): string {
  for (let offset = 0; offset < bytes.length; ) {
    const byte = bytes[offset]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0) return ` (byte 0x${byte.toString(16)} at offset ${offset}; is it in another encoding, such as Windows-1251?)`;
    for (let next = 1; next < length; next += 1) {
      if ((bytes[offset + next]! & 0xc0) !== 0x80) return ` (byte 0x${byte.toString(16)} at offset ${offset}; is it in another encoding, such as Windows-1251?)`;
    }
    offset += length;
  }
  return "";
}
