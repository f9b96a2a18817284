/**
 * Test documents made at test time (no binaries in the repository): a PDF
 * laid out like a printed journal article (running header, page numbers at
 * the foot, first-line indents, words hyphenated at line ends) and a DOCX
 * with headings, italics, a footer and explicit page breaks. Each comes with
 * what a perfect extraction must give back: the paragraphs and where each
 * page begins.
 */
import { existsSync } from "node:fs";
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageBreak, PageNumber, Paragraph, TextRun } from "docx";
import PDFDocument from "pdfkit";

export interface ExpectedBreak {
  /** Index of the paragraph, from 0. */
  paragraph: number;
  offset: number;
  page: number;
}

export interface TestDocument {
  bytes: Uint8Array;
  paragraphs: string[];
  pageBreaks: ExpectedBreak[];
  /** Words printed across a line end: the printed halves and the word as it must read. */
  lineEndWords: { printed: string; word: string; hyphen: "own" | "inserted" }[];
}

// Debian's DejaVu (fontconfig's own dependency) or Liberation (Chromium's): both have Cyrillic.
const FONTS = {
  regular: ["/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"],
  bold: ["/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf"],
};

function font(kind: keyof typeof FONTS): string {
  const found = FONTS[kind].find((file) => existsSync(file));
  if (!found) throw new Error(`no font with Cyrillic letters for the test PDF: install fonts-dejavu-core (looked for ${FONTS[kind].join(", ")})`);
  return found;
}

const VOWELS = /[аеёиоуыэюяaeiouy]/i;

/** Where a word may be hyphenated: after a vowel, two letters at least on each side, a vowel in the rest. */
function hyphenationPoints(word: string): number[] {
  const points: number[] = [];
  for (let k = 2; k <= word.length - 2; k += 1) {
    if (VOWELS.test(word[k - 1]!) && VOWELS.test(word.slice(k)) && /^\p{L}+$/u.test(word.slice(0, k)) && !/^[ьъй]/.test(word.slice(k))) points.push(k);
  }
  return points;
}

interface PdfOptions {
  paragraphs: { text: string; heading?: boolean }[];
  header: string;
  firstPage: number;
  /** Lines of text per page. */
  linesPerPage?: number;
}

/**
 * Lays Russian paragraphs out on A5 pages: header at the top, the page
 * number at the foot, first lines indented, headings in a larger bold font,
 * a word that does not fit hyphenated after a vowel (or broken after its own
 * hyphen, which must survive).
 */
export async function renderPdf(options: PdfOptions): Promise<TestDocument> {
  const doc = new PDFDocument({ size: "A5", margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  const left = 50;
  const width = 320;
  const indent = 14;
  const bodySize = 10;
  const lineHeight = 13;
  const top = 70;
  const linesPerPage = options.linesPerPage ?? 30;
  doc.font(font("regular"));

  type Line = { paragraph: number; start: number; text: string; heading: boolean; first: boolean };
  const lines: Line[] = [];
  const lineEndWords: TestDocument["lineEndWords"] = [];
  options.paragraphs.forEach(({ text, heading }, paragraph) => {
    doc.font(font(heading ? "bold" : "regular")).fontSize(heading ? 12 : bodySize);
    let position = 0;
    let first = true;
    while (position < text.length) {
      const available = width - (first && !heading ? indent : 0);
      let end = position;
      let lineText = "";
      // Whole words while they fit.
      for (;;) {
        const next = text.indexOf(" ", end + 1);
        const candidateEnd = next < 0 ? text.length : next;
        const candidate = text.slice(position, candidateEnd);
        if (doc.widthOfString(candidate) > available && end > position) break;
        end = candidateEnd;
        lineText = candidate;
        if (end >= text.length) break;
      }
      let nextStart = end + 1;
      if (end < text.length) {
        // The word that did not fit: break it after its own hyphen, or hyphenate it.
        const wordEnd = text.indexOf(" ", end + 1) < 0 ? text.length : text.indexOf(" ", end + 1);
        const word = text.slice(end + 1, wordEnd);
        const core = /^[«(„"]*([\p{L}-]+)/u.exec(word);
        const lead = core ? word.indexOf(core[1]!) : 0;
        const own = core ? [...core[1]!.matchAll(/-/g)].map((match) => lead + match.index + 1) : [];
        const syllables = core && !core[1]!.includes("-") ? hyphenationPoints(core[1]!).map((k) => lead + k) : [];
        const fits = (k: number, hyphen: string) => doc.widthOfString(`${lineText} ${word.slice(0, k)}${hyphen}`) <= available;
        const ownBreak = own.filter((k) => fits(k, "")).at(-1);
        const syllableBreak = syllables.filter((k) => fits(k, "-")).at(-1);
        if (ownBreak !== undefined) {
          lineText = `${lineText} ${word.slice(0, ownBreak)}`;
          lineEndWords.push({ printed: `${word.slice(0, ownBreak)}|${word.slice(ownBreak)}`, word: core![1]!, hyphen: "own" });
          nextStart = end + 1 + ownBreak;
        } else if (syllableBreak !== undefined) {
          lineText = `${lineText} ${word.slice(0, syllableBreak)}-`;
          lineEndWords.push({ printed: `${word.slice(0, syllableBreak)}-|${word.slice(syllableBreak)}`, word: core![1]!, hyphen: "inserted" });
          nextStart = end + 1 + syllableBreak;
        }
      }
      lines.push({ paragraph, start: position, text: lineText, heading: heading ?? false, first });
      first = false;
      position = Math.min(nextStart, text.length);
    }
  });

  const pageBreaks: ExpectedBreak[] = [];
  for (let index = 0, page = 0; index < lines.length; page += 1) {
    const pageNumber = options.firstPage + page;
    doc.addPage();
    doc.font(font("regular")).fontSize(8).text(options.header, left, 30, { lineBreak: false });
    let y = top;
    const pageLines = lines.slice(index, index + linesPerPage);
    if (page > 0) pageBreaks.push({ paragraph: pageLines[0]!.paragraph, offset: pageLines[0]!.start, page: pageNumber });
    for (const line of pageLines) {
      if (line.first && line.heading) y += lineHeight / 2;
      doc.font(font(line.heading ? "bold" : "regular")).fontSize(line.heading ? 12 : bodySize);
      doc.text(line.text, left + (line.first && !line.heading ? indent : 0), y, { lineBreak: false });
      y += line.heading ? lineHeight * 1.5 : lineHeight;
    }
    doc.font(font("regular")).fontSize(9).text(String(pageNumber), left + width / 2, 560, { lineBreak: false });
    index += linesPerPage;
  }
  doc.end();
  await finished;
  return { bytes: new Uint8Array(Buffer.concat(chunks)), paragraphs: options.paragraphs.map((paragraph) => paragraph.text), pageBreaks, lineEndWords };
}

/**
 * A DOCX of a short made-up Russian article: a title, headings, italics,
 * a footer with the page number field, numbering that starts at page 70 and
 * an explicit page break inside the second paragraph (which a careless
 * conversion turns into two paragraphs).
 */
export async function renderDocx(): Promise<TestDocument> {
  const paragraphs = [
    "Российско-японские отношения: системный кризис или новые возможности?",
    "Введение",
    "Российско-японские отношения переживают сложный переходный период, и политика Токио по-прежнему определяется курсом администрации Синдзо Абэ.",
    "В Северо-Восточной Азии сохраняется напряжённость; при этом стороны обсуждают совместную хозяйственную деятельность на островах.",
    "Выводы",
    "Экономика, как считают в Японии, должна следовать за политикой.",
  ];
  const breakAt = paragraphs[3]!.indexOf("при этом");
  const document = new Document({
    sections: [
      {
        properties: { page: { pageNumbers: { start: 70 } } },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }) },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(paragraphs[0]!)] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(paragraphs[1]!)] }),
          new Paragraph({
            children: [
              new TextRun("Российско-японские отношения переживают сложный переходный период, и политика "),
              new TextRun({ text: "Токио", italics: true }),
              new TextRun(" по-прежнему определяется курсом администрации Синдзо Абэ."),
            ],
          }),
          new Paragraph({ children: [new TextRun(paragraphs[3]!.slice(0, breakAt).trimEnd()), new PageBreak()] }),
          new Paragraph({ children: [new TextRun(paragraphs[3]!.slice(breakAt))] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(paragraphs[4]!)] }),
          new Paragraph({ children: [new TextRun("Экономика, как считают в Японии, должна следовать за политикой.")] }),
        ],
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(document));
  return { bytes, paragraphs, pageBreaks: [{ paragraph: 3, offset: breakAt, page: 71 }], lineEndWords: [] };
}
