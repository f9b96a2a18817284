-- Posting lists of the library's common terms (lib/db/search-postings.ts). A common word matches a large
-- share of the library's paragraphs, and counting its matches per work from SearchParagraph reads every one
-- of them on every search. For the terms that refreshPostedTerms posts (those of many paragraphs), the keys
-- of the paragraphs holding them (SearchParagraph."key") are kept here, per work, in ascending order, each as
-- 8 bytes big-endian (int8send); a search for one such term reads them instead. indexWork writes a work's
-- postings with its SearchParagraph rows, so they are as current as the index. "field" is the tsvector
-- column of SearchParagraph that holds the term: "stems", or "words" for the stop words of the russian and
-- english configurations, which search reads there.
CREATE TABLE "SearchTerm" (
    "field" TEXT NOT NULL CHECK ("field" IN ('stems', 'words')),
    "term" TEXT NOT NULL,
    -- The paragraphs that held it when it was posted (what the threshold was measured on).
    "paragraphs" INTEGER NOT NULL,
    PRIMARY KEY ("field", "term")
);

CREATE TABLE "SearchPosting" (
    "field" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "workId" INTEGER NOT NULL REFERENCES "Work" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "keys" BYTEA NOT NULL,
    PRIMARY KEY ("field", "term", "workId"),
    FOREIGN KEY ("field", "term") REFERENCES "SearchTerm" ("field", "term") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "SearchPosting_workId_idx" ON "SearchPosting" ("workId");
