export { alignDocumentSentences, alignParagraphs, alignSegments, alignSentences } from "./align.ts";
export type { DocumentSentence, DocumentSentenceAlignment, SegmentAlignment, SegmentAlignmentOptions, SentenceAlignment } from "./align.ts";
export type { AlignmentUnit, AlignOptions, Bead, LengthModel, LexiconEntry } from "./types.ts";
