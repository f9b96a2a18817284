-- CreateTable
CREATE TABLE "Sentence" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "paragraphId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "bead" INTEGER NOT NULL,
    CONSTRAINT "Sentence_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlignmentChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" DATETIME,
    CONSTRAINT "AlignmentChange_workId_fkey" FOREIGN KEY ("workId") REFERENCES "Work" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MisalignmentReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workSlug" TEXT NOT NULL,
    "unitOrdinal" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "sender" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME
);

-- CreateTable
CREATE TABLE "GlossaryEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "searchText" TEXT NOT NULL,
    CONSTRAINT "GlossaryEntry_workId_fkey" FOREIGN KEY ("workId") REFERENCES "Work" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GlossaryOccurrence" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "entryId" INTEGER NOT NULL,
    "paragraphId" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    CONSTRAINT "GlossaryOccurrence_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "GlossaryEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GlossaryOccurrence_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Work" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "importedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
-- Existing works were last changed when they were imported.
INSERT INTO "new_Work" ("contentHash", "id", "importedAt", "slug", "title", "updatedAt") SELECT "contentHash", "id", "importedAt", "slug", "title", "importedAt" FROM "Work";
DROP TABLE "Work";
ALTER TABLE "new_Work" RENAME TO "Work";
CREATE UNIQUE INDEX "Work_slug_key" ON "Work"("slug");
CREATE TABLE "new_AlignmentUnit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "confidence" REAL,
    "reviewed" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "AlignmentUnit_workId_fkey" FOREIGN KEY ("workId") REFERENCES "Work" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AlignmentUnit" ("id", "ordinal", "workId") SELECT "id", "ordinal", "workId" FROM "AlignmentUnit";
DROP TABLE "AlignmentUnit";
ALTER TABLE "new_AlignmentUnit" RENAME TO "AlignmentUnit";
CREATE UNIQUE INDEX "AlignmentUnit_workId_ordinal_key" ON "AlignmentUnit"("workId", "ordinal");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Sentence_paragraphId_ordinal_key" ON "Sentence"("paragraphId", "ordinal");

-- CreateIndex
CREATE INDEX "AlignmentChange_workId_createdAt_idx" ON "AlignmentChange"("workId", "createdAt");

-- CreateIndex
CREATE INDEX "MisalignmentReport_workSlug_resolvedAt_idx" ON "MisalignmentReport"("workSlug", "resolvedAt");

-- CreateIndex
CREATE INDEX "MisalignmentReport_sender_createdAt_idx" ON "MisalignmentReport"("sender", "createdAt");

-- CreateIndex
CREATE INDEX "GlossaryEntry_key_idx" ON "GlossaryEntry"("key");

-- CreateIndex
CREATE UNIQUE INDEX "GlossaryEntry_workId_key_key" ON "GlossaryEntry"("workId", "key");

-- CreateIndex
CREATE INDEX "GlossaryOccurrence_paragraphId_idx" ON "GlossaryOccurrence"("paragraphId");

-- CreateIndex
CREATE INDEX "GlossaryOccurrence_entryId_idx" ON "GlossaryOccurrence"("entryId");
