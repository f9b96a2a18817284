-- Each SearchParagraph row carries its search key, laid out as SQLite's rowids (see the SQLite migration
-- 20261128050000_search): workId * 2^32 + unit ordinal * 2^14 + language slot * 2^8 + position. Search
-- hands the keys of every match to lib/search/unit-counts.ts in one binary value; computing them per
-- query (a join for the slot, arithmetic per row) took a third of the time of a common word's scan.
-- The language slots are kept as on SQLite, so that a key never changes once written.
CREATE TABLE "SearchLanguage" (
    "slot" INTEGER NOT NULL CHECK ("slot" BETWEEN 0 AND 63),
    "language" TEXT NOT NULL,

    CONSTRAINT "SearchLanguage_pkey" PRIMARY KEY ("slot"),
    CONSTRAINT "SearchLanguage_language_key" UNIQUE ("language")
);

INSERT INTO "SearchLanguage" ("slot", "language")
SELECT row_number() OVER (ORDER BY "language") - 1, "language" FROM (SELECT DISTINCT "language" FROM "SearchParagraph") AS l;

-- The table is rebuilt with "key" as its first column: a column after variable-length ones is found by
-- walking every column before it, which cost a common word's scan a fifth of its time. Rows keep the
-- narrow layout of 20261128100000_search_narrow_rows and the order of their paragraphs.
CREATE TABLE "SearchParagraph_keyed" (
    "key" BIGINT NOT NULL,
    "paragraphId" INTEGER NOT NULL,
    "workId" INTEGER NOT NULL,
    "unit" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "section" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "stems" TSVECTOR NOT NULL,
    "words" TSVECTOR NOT NULL,
    "glossary" TEXT[] NOT NULL DEFAULT '{}',
    "toastPad" TEXT GENERATED ALWAYS AS (repeat(' ', 2040)) STORED
) WITH (toast_tuple_target = 256);

INSERT INTO "SearchParagraph_keyed" ("key", "paragraphId", "workId", "unit", "language", "section", "position", "stems", "words", "glossary")
SELECT (p."workId"::bigint << 32) | (p."unit"::bigint << 14) | (l."slot"::bigint << 8) | p."position",
    p."paragraphId", p."workId", p."unit", p."language", p."section", p."position", p."stems", p."words", p."glossary"
FROM "SearchParagraph" p JOIN "SearchLanguage" l ON l."language" = p."language"
ORDER BY p."workId", p."language", p."unit", p."position";

DROP TABLE "SearchParagraph";
ALTER TABLE "SearchParagraph_keyed" RENAME TO "SearchParagraph";

ALTER TABLE "SearchParagraph" ADD CONSTRAINT "SearchParagraph_pkey" PRIMARY KEY ("paragraphId");
ALTER TABLE "SearchParagraph" ADD CONSTRAINT "SearchParagraph_key_key" UNIQUE ("key");
ALTER TABLE "SearchParagraph" ADD CONSTRAINT "SearchParagraph_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SearchParagraph" ADD CONSTRAINT "SearchParagraph_workId_fkey" FOREIGN KEY ("workId") REFERENCES "Work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE INDEX "SearchParagraph_stems_idx" ON "SearchParagraph" USING GIN ("stems");
CREATE INDEX "SearchParagraph_words_idx" ON "SearchParagraph" USING GIN ("words");
CREATE INDEX "SearchParagraph_glossary_idx" ON "SearchParagraph" USING GIN ("glossary");
CREATE INDEX "SearchParagraph_workId_unit_idx" ON "SearchParagraph" ("workId", "unit");

ANALYZE "SearchParagraph";
