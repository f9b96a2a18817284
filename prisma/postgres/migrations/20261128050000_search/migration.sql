-- Full-text search (lib/db/search-index.ts writes it, lib/db/search.ts reads it).
-- One row per paragraph. lib/search/text.ts folds the text first (case,
-- diacritics, ё, apostrophes, one token per Chinese character or kana), so
-- that both engines see the same words; PostgreSQL then stems them with the
-- configuration of the edition's language (russian, english, else simple).
-- "words" keeps the folded forms unstemmed, for exact phrases and prefixes;
-- "glossary" the keys of the glossary entries that occur in the paragraph.
CREATE TABLE "SearchParagraph" (
    "paragraphId" INTEGER NOT NULL,
    "workId" INTEGER NOT NULL,
    "unit" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "section" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "stems" TSVECTOR NOT NULL,
    "words" TSVECTOR NOT NULL,
    "glossary" TEXT[] NOT NULL DEFAULT '{}',

    CONSTRAINT "SearchParagraph_pkey" PRIMARY KEY ("paragraphId"),
    CONSTRAINT "SearchParagraph_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SearchParagraph_workId_fkey" FOREIGN KEY ("workId") REFERENCES "Work"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "SearchParagraph_stems_idx" ON "SearchParagraph" USING GIN ("stems");
CREATE INDEX "SearchParagraph_words_idx" ON "SearchParagraph" USING GIN ("words");
CREATE INDEX "SearchParagraph_glossary_idx" ON "SearchParagraph" USING GIN ("glossary");
CREATE INDEX "SearchParagraph_workId_unit_idx" ON "SearchParagraph" ("workId", "unit");

-- Lookup keys of glossary entries in every script (lib/search/glossary-keys.ts),
-- in code-point order so that prefixes are ranges of the index.
CREATE TABLE "SearchGlossaryKey" (
    "key" TEXT COLLATE "C" NOT NULL,
    "entryId" INTEGER NOT NULL,

    CONSTRAINT "SearchGlossaryKey_pkey" PRIMARY KEY ("key", "entryId"),
    CONSTRAINT "SearchGlossaryKey_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "GlossaryEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "SearchGlossaryKey_entryId_idx" ON "SearchGlossaryKey"("entryId");
