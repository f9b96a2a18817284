-- An index of the adjacent word pairs of every paragraph, so that a quoted phrase is looked up by its pairs
-- instead of by its words alone. GIN finds the paragraphs holding all of a phrase's words, but only reading
-- each one's "words" tsvector (from TOAST) tells whether they stand together: "Japanese relations" has
-- 209 paragraphs at 2,000 works and 14,700 with both words, which took 65–100 ms to check.
--
-- A pair is hashed into one of 2^18 buckets (the pairs themselves, one index entry each, made a 1.7 GB
-- index at 2,000 works; the buckets make one the size of the "words" index). A bucket holds other pairs
-- too, so the pairs only narrow the candidates: search still checks each one with "words" @@ the phrase.
-- Every lexeme at a position is paired with every lexeme at the next, the positions the tsvector stores
-- and that phrase matching reads, so every paragraph a phrase matches holds each of the phrase's pairs.
CREATE FUNCTION "search_word_pairs"(document TSVECTOR) RETURNS INTEGER[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 5000 AS $$
  WITH word AS (SELECT lexeme, position FROM unnest(document) AS entry(lexeme, positions, weights), unnest(positions) AS position)
  SELECT coalesce(array_agg(DISTINCT hashtext(a.lexeme || ' ' || b.lexeme) & 262143), '{}')
  FROM word AS a JOIN word AS b ON b.position = a.position + 1
$$;

CREATE INDEX "SearchParagraph_pairs_idx" ON "SearchParagraph" USING GIN ("search_word_pairs"("words"));
ANALYZE "SearchParagraph";
