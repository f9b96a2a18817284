-- SearchParagraph in two partitions by work, so that search reads a common word's matches with two statements
-- at once, each on its own connection and so on its own core (PostgreSQL 15 cannot split this scan itself:
-- its string_agg has no partial form for parallel workers). At 2,000 works the keys of «россии»
-- (67,000 paragraphs) took 21 ms from one table and 12 ms from two halves read together. A work's rows
-- all lie in one partition, so each partition's matches are counted apart and the counts added.
-- Rows, their layout and their order are kept as in 20261128120000_search_keys. The primary key and the
-- keys' uniqueness now include "workId", as a partitioned table's must (a key holds its work's id: it is
-- as unique as before).
CREATE TABLE "SearchParagraph_partitioned" (
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
) PARTITION BY HASH ("workId");

CREATE TABLE "SearchParagraph_0" PARTITION OF "SearchParagraph_partitioned" FOR VALUES WITH (MODULUS 2, REMAINDER 0) WITH (toast_tuple_target = 256);
CREATE TABLE "SearchParagraph_1" PARTITION OF "SearchParagraph_partitioned" FOR VALUES WITH (MODULUS 2, REMAINDER 1) WITH (toast_tuple_target = 256);

INSERT INTO "SearchParagraph_partitioned" ("key", "paragraphId", "workId", "unit", "language", "section", "position", "stems", "words", "glossary")
SELECT "key", "paragraphId", "workId", "unit", "language", "section", "position", "stems", "words", "glossary"
FROM "SearchParagraph"
ORDER BY "workId", "language", "unit", "position";

DROP TABLE "SearchParagraph";
ALTER TABLE "SearchParagraph_partitioned" RENAME TO "SearchParagraph";

ALTER TABLE "SearchParagraph" ADD CONSTRAINT "SearchParagraph_pkey" PRIMARY KEY ("paragraphId", "workId");
ALTER TABLE "SearchParagraph" ADD CONSTRAINT "SearchParagraph_key_key" UNIQUE ("key", "workId");
ALTER TABLE "SearchParagraph" ADD CONSTRAINT "SearchParagraph_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SearchParagraph" ADD CONSTRAINT "SearchParagraph_workId_fkey" FOREIGN KEY ("workId") REFERENCES "Work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE INDEX "SearchParagraph_stems_idx" ON "SearchParagraph" USING GIN ("stems");
CREATE INDEX "SearchParagraph_words_idx" ON "SearchParagraph" USING GIN ("words");
CREATE INDEX "SearchParagraph_glossary_idx" ON "SearchParagraph" USING GIN ("glossary");
CREATE INDEX "SearchParagraph_pairs_idx" ON "SearchParagraph" USING GIN ("search_word_pairs"("words"));
CREATE INDEX "SearchParagraph_workId_unit_idx" ON "SearchParagraph" ("workId", "unit");

ANALYZE "SearchParagraph";
