import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { IngestError } from "@/lib/ingest/errors";
import { ingestDocument } from "@/lib/ingest/ingest";
import { decodeText, detectFormat, MAX_INPUT_BYTES } from "@/lib/ingest/input";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function pdf(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  draw(doc);
  doc.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}

describe("input the importer refuses", () => {
  it("names an empty file and a file over the size limit", () => {
    expect(() => detectFormat(new Uint8Array(), "ru.txt")).toThrow(new IngestError("ru.txt is empty"));
    expect(() => detectFormat(new Uint8Array(50 * 1024 * 1024), "big.pdf")).toThrow(/^big\.pdf is 50\.0 MB; the limit is 32\.0 MB$/);
    expect(MAX_INPUT_BYTES).toBeLessThan(50 * 1024 * 1024);
  });

  it("refuses text that is not UTF-8, UTF-16, binary or blank", () => {
    const windows1251 = Uint8Array.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // «Привет» in Windows-1251
    expect(() => decodeText(windows1251, "ru.txt")).toThrow(/^ru\.txt is not valid UTF-8 text \(byte 0xcf at offset 0; .*Windows-1251\?\)$/);
    expect(() => decodeText(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]), "ru.txt")).toThrow("ru.txt is UTF-16 text; save it as UTF-8");
    expect(() => decodeText(utf8("текст\nещё\u0000"), "ru.txt")).toThrow("ru.txt is a binary file, not text (a NUL byte at offset 17)");
    expect(() => decodeText(utf8("текст\nещё\u0001"), "ru.txt")).toThrow("ru.txt is a binary file, not text (control character U+0001 at line 2)");
    expect(() => decodeText(utf8(" \n\t\n"), "ru.txt")).toThrow("ru.txt has no text");
    expect(decodeText(utf8("\uFEFFтекст\fстраница"), "ru.txt")).toBe("текст\fстраница");
  });

  it("tells formats by their bytes, not only their names", () => {
    expect(detectFormat(utf8("%PDF-1.7\n"), "renamed.txt")).toBe("pdf");
    expect(detectFormat(utf8("# Заголовок"), "ru.md")).toBe("markdown");
    expect(detectFormat(utf8("Текст"), "ru.txt")).toBe("text");
    expect(() => detectFormat(utf8("plain words"), "ru.pdf")).toThrow("ru.pdf is not a PDF file (it does not start with %PDF-)");
    expect(() => detectFormat(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), "archive.zip")).toThrow("archive.zip is a ZIP archive but not a Word document (DOCX)");
    expect(() => detectFormat(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]), "old.doc")).toThrow(/old\.doc is not a DOCX file/);
  });

  it("refuses an encrypted PDF and a PDF without a text layer", async () => {
    const encrypted = await pdf({ userPassword: "secret", ownerPassword: "owner" }, (doc) => doc.text("Hidden"));
    await expect(ingestDocument(encrypted, { file: "locked.pdf" })).rejects.toThrow("locked.pdf is an encrypted PDF; remove the password and import it again");
    const scan = await pdf({}, (doc) => doc.rect(50, 50, 100, 100).fill());
    await expect(ingestDocument(scan, { file: "scan.pdf" })).rejects.toThrow("scan.pdf has no text layer (a scan?); run it through OCR first");
    await expect(ingestDocument(utf8("%PDF-1.4\ngarbage"), { file: "broken.pdf" })).rejects.toThrow(/^broken\.pdf cannot be read as a PDF/);
  });

  it("refuses a DOCX that is not a Word document", async () => {
    await expect(ingestDocument(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), { file: "fake.docx" })).rejects.toThrow(
      "fake.docx is not a Word document (no word/document.xml in the archive)",
    );
  });
});
