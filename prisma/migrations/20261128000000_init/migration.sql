-- CreateTable
CREATE TABLE "Work" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "importedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Edition" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workId" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "authors" JSONB NOT NULL,
    "journal" TEXT,
    "year" INTEGER,
    "volume" TEXT,
    "issue" TEXT,
    "pageRange" TEXT,
    "firstPage" INTEGER,
    "doi" TEXT,
    "url" TEXT,
    "licence" TEXT,
    "note" TEXT,
    CONSTRAINT "Edition_workId_fkey" FOREIGN KEY ("workId") REFERENCES "Work" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Paragraph" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "editionId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "section" INTEGER NOT NULL,
    "refKey" TEXT,
    "text" TEXT NOT NULL,
    "marks" JSONB NOT NULL,
    "pageBreaks" JSONB NOT NULL,
    CONSTRAINT "Paragraph_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Paragraph_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AlignmentUnit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AlignmentUnit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    CONSTRAINT "AlignmentUnit_workId_fkey" FOREIGN KEY ("workId") REFERENCES "Work" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Work_slug_key" ON "Work"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Edition_workId_language_key" ON "Edition"("workId", "language");

-- CreateIndex
CREATE INDEX "Paragraph_unitId_idx" ON "Paragraph"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Paragraph_editionId_ordinal_key" ON "Paragraph"("editionId", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "AlignmentUnit_workId_ordinal_key" ON "AlignmentUnit"("workId", "ordinal");
