-- Full-text search (lib/db/search-index.ts writes it, lib/db/search.ts reads it).
-- FTS5 has no Russian stemmer, so the index holds tokens computed in TypeScript
-- (lib/search/text.ts): "stems" the Snowball stems, "words" the folded word
-- forms (exact phrases, prefixes), "scope" the tokens that filters match on
-- (l-<language>, s<section>, g-<glossary key> of every glossary occurrence).
-- Contentless: the text itself stays in Paragraph.
--
-- A row's rowid says where the paragraph is, so that hits can be counted per
-- work, edition and unit and paged in reading order without reading any other
-- table: workId * 2^32 + unit ordinal * 2^14 + language slot * 2^8 + position
-- of the paragraph among the unit's paragraphs of that edition.
CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
    stems, words, scope,
    content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0 tokenchars '-'"
);

-- The language slots of the rowids above.
CREATE TABLE "SearchLanguage" (
    "slot" INTEGER NOT NULL PRIMARY KEY CHECK ("slot" BETWEEN 0 AND 63),
    "language" TEXT NOT NULL UNIQUE
);

-- However a work goes (an import replacing it, a deletion), its rows go with it.
CREATE TRIGGER "SearchIndex_work_deleted" AFTER DELETE ON "Work" BEGIN
    DELETE FROM "SearchIndex" WHERE rowid >= old."id" * 4294967296 AND rowid < (old."id" + 1) * 4294967296;
END;

-- Lookup keys of glossary entries in every script (lib/search/glossary-keys.ts).
CREATE TABLE "SearchGlossaryKey" (
    "key" TEXT NOT NULL,
    "entryId" INTEGER NOT NULL,
    PRIMARY KEY ("key", "entryId"),
    CONSTRAINT "SearchGlossaryKey_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "GlossaryEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;

CREATE INDEX "SearchGlossaryKey_entryId_idx" ON "SearchGlossaryKey"("entryId");
