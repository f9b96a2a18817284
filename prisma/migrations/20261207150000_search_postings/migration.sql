-- Posting lists of the library's common terms (lib/db/search-postings.ts). A common word matches a large
-- share of the library's paragraphs, and counting its matches per work from SearchIndex reads every one of
-- them on every search. For the terms that refreshPostedTerms posts (those of many paragraphs), the keys of
-- the paragraphs holding them (SearchIndex's rowids) are kept here, per work, in ascending order, each as
-- 8 bytes big-endian; a search for one such term reads them instead. indexWork writes a work's postings
-- with its index rows, so they are as current as the index. "field" is the column of SearchIndex that
-- holds the term (on SQLite, only "stems" is posted).
CREATE TABLE "SearchTerm" (
    "field" TEXT NOT NULL CHECK ("field" IN ('stems', 'words')),
    "term" TEXT NOT NULL,
    -- The paragraphs that held it when it was posted (what the threshold was measured on).
    "paragraphs" INTEGER NOT NULL,
    PRIMARY KEY ("field", "term")
) WITHOUT ROWID;

CREATE TABLE "SearchPosting" (
    "field" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "workId" INTEGER NOT NULL,
    "keys" BLOB NOT NULL,
    PRIMARY KEY ("field", "term", "workId")
) WITHOUT ROWID;

CREATE INDEX "SearchPosting_workId_idx" ON "SearchPosting" ("workId");

-- Like the work's SearchIndex rows, its postings go with it however it goes.
CREATE TRIGGER "SearchPosting_work_deleted" AFTER DELETE ON "Work" BEGIN
    DELETE FROM "SearchPosting" WHERE "workId" = old."id";
END;

CREATE TRIGGER "SearchPosting_term_deleted" AFTER DELETE ON "SearchTerm" BEGIN
    DELETE FROM "SearchPosting" WHERE "field" = old."field" AND "term" = old."term";
END;
