-- CreateTable
CREATE TABLE "Work" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Work_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Edition" (
    "id" SERIAL NOT NULL,
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

    CONSTRAINT "Edition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Paragraph" (
    "id" SERIAL NOT NULL,
    "editionId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "section" INTEGER NOT NULL,
    "refKey" TEXT,
    "text" TEXT NOT NULL,
    "marks" JSONB NOT NULL,
    "pageBreaks" JSONB NOT NULL,

    CONSTRAINT "Paragraph_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sentence" (
    "id" SERIAL NOT NULL,
    "paragraphId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "bead" INTEGER NOT NULL,

    CONSTRAINT "Sentence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlignmentUnit" (
    "id" SERIAL NOT NULL,
    "workId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "confidence" DOUBLE PRECISION,
    "reviewed" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "AlignmentUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlignmentChange" (
    "id" SERIAL NOT NULL,
    "workId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "AlignmentChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MisalignmentReport" (
    "id" SERIAL NOT NULL,
    "workSlug" TEXT NOT NULL,
    "unitOrdinal" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "sender" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "MisalignmentReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GlossaryEntry" (
    "id" SERIAL NOT NULL,
    "workId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "searchText" TEXT NOT NULL,

    CONSTRAINT "GlossaryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GlossaryOccurrence" (
    "id" SERIAL NOT NULL,
    "entryId" INTEGER NOT NULL,
    "paragraphId" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "GlossaryOccurrence_pkey" PRIMARY KEY ("id")
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
CREATE UNIQUE INDEX "Sentence_paragraphId_ordinal_key" ON "Sentence"("paragraphId", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "AlignmentUnit_workId_ordinal_key" ON "AlignmentUnit"("workId", "ordinal");

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

-- AddForeignKey
ALTER TABLE "Edition" ADD CONSTRAINT "Edition_workId_fkey" FOREIGN KEY ("workId") REFERENCES "Work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paragraph" ADD CONSTRAINT "Paragraph_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paragraph" ADD CONSTRAINT "Paragraph_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "AlignmentUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sentence" ADD CONSTRAINT "Sentence_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlignmentUnit" ADD CONSTRAINT "AlignmentUnit_workId_fkey" FOREIGN KEY ("workId") REFERENCES "Work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlignmentChange" ADD CONSTRAINT "AlignmentChange_workId_fkey" FOREIGN KEY ("workId") REFERENCES "Work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GlossaryEntry" ADD CONSTRAINT "GlossaryEntry_workId_fkey" FOREIGN KEY ("workId") REFERENCES "Work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GlossaryOccurrence" ADD CONSTRAINT "GlossaryOccurrence_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "GlossaryEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GlossaryOccurrence" ADD CONSTRAINT "GlossaryOccurrence_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

