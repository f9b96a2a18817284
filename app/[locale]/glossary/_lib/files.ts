/**
 * The glossary's data and files, served beside its pages: the reader popover's
 * card (card.json) and the exports (export.tsv, export.csv, export.tbx). They
 * go through the API's request handling (lib/api/handler.ts): parameters
 * validated with zod and refused as a JSON problem, ETags from the works' last
 * change, plain cacheable GETs, so that the service worker can keep them.
 */
import { z } from "zod";
import { routeHandlers, type Resolution, type Resolver, type RouteHandlers } from "@/lib/api/handler";
import { glossaryKeyParameter, slugParameter } from "@/lib/api/parameters";
import { invalidParameters, notFound } from "@/lib/api/problem";
import { defineRoute } from "@/lib/api/route";
import { database, type Database } from "@/lib/db/client";
import { listGlossary, readDeck, readGlossaryCard, type GlossaryItem } from "@/lib/db/glossary";
import { CARD_FACES, DEFAULT_DIRECTION, hasFaces, type CardDirection } from "@/lib/glossary/cards";
import { toTermCardData } from "@/lib/glossary/card-data";
import { deckParameter, parseDeck, type Deck } from "@/lib/glossary/decks";
import { ankiTsv, cardsCsv, glossaryTbx, type ExportEntry } from "@/lib/glossary/export";
import { glossaryPaths } from "@/lib/glossary/paths";
import { routing } from "@/lib/i18n/routing";

const localeParameter = z.enum(routing.locales, `must be one of ${routing.locales.join(", ")}`).meta({ description: "The interface language." });

const deckQuery = z
  .string()
  .refine((value) => parseDeck(value) !== null, "must be all, category:<category> or section:<work>:<number>")
  .default("all")
  .meta({ description: "The deck: all, category:person, section:streltsov-2018:3." });

const faceQuery = (fallback: string) =>
  z.enum(CARD_FACES, `must be one of ${CARD_FACES.join(", ")}`).default(fallback as (typeof CARD_FACES)[number]).meta({ description: "A side of the card." });

const cardQuery = { deck: deckQuery, front: faceQuery(DEFAULT_DIRECTION.front), back: faceQuery(DEFAULT_DIRECTION.back) };

export const termCardRoute = defineRoute({
  operationId: "glossaryTermCard",
  path: "/{locale}/glossary/{entry}/card.json",
  tag: "glossary",
  summary: "A glossary entry for the reader's popover",
  description: "The entry as written in the glossary file, its derived forms and links.",
  params: { locale: localeParameter, entry: glossaryKeyParameter },
  query: { work: slugParameter },
  response: { description: "The entry.", content: { "application/json": z.object({}).loose() } },
  example: "/en/glossary/hikiwake/card.json?work=streltsov-2018",
});

const exportRoute = (extension: string, summary: string, query: z.ZodRawShape) =>
  defineRoute({
    operationId: `glossaryExport${extension.toUpperCase()}`,
    path: `/{locale}/glossary/export.${extension}`,
    tag: "glossary",
    summary,
    description: summary,
    params: { locale: localeParameter },
    query,
    download: true,
    response: { description: summary, content: { "text/plain": z.string() } },
    example: `/en/glossary/export.${extension}`,
  });

export const tsvRoute = exportRoute("tsv", "Flashcards for Anki (TSV)", cardQuery);
export const csvRoute = exportRoute("csv", "Flashcards as CSV", cardQuery);
export const tbxRoute = exportRoute("tbx", "The glossary as TBX-Basic", { work: slugParameter.optional() });

/** Answers change whenever any work does (an import, an edit). */
async function glossaryStamp(db: Database, workSlug?: string): Promise<string | null> {
  const works = await db.work.findMany({ where: workSlug ? { slug: workSlug } : {}, orderBy: { slug: "asc" }, select: { slug: true, updatedAt: true } });
  if (workSlug && works.length === 0) return null;
  return works.map((work) => `${work.slug}@${work.updatedAt.toISOString()}`).join(" ");
}

const resolveCard: Resolver<{ locale: string; entry: string }, { work: string }> = async ({ db, path, query, instance }): Promise<Resolution> => {
  const stamp = await glossaryStamp(db, query.work);
  if (stamp === null) return notFound(instance, `No work has the slug "${query.work}".`);
  return {
    stamp,
    render: async () => {
      const card = await readGlossaryCard(db, query.work, path.entry);
      if (!card) return notFound(instance, `The glossary of "${query.work}" has no entry "${path.entry}".`);
      return { json: toTermCardData(card, path.locale) };
    },
  };
};

function toExportEntries(items: readonly GlossaryItem[]): ExportEntry[] {
  return items.map((item) => ({ work: item.work, entry: item.entry }));
}

/** The cards of a deck in a direction: its entries that have a form on both sides. */
export async function deckCards(db: Database, deck: Deck, direction: CardDirection): Promise<GlossaryItem[]> {
  return (await readDeck(db, deck)).filter((item) => hasFaces(item.entry, direction));
}

/** The download's name: glossary-category-person-en-ru.tsv. */
function cardsFileName(deck: Deck, direction: CardDirection, extension: string): string {
  return `glossary-${deckParameter(deck).replace(/:/g, "-")}-${direction.front}-${direction.back}.${extension}`;
}

type CardQuery = { deck: string; front: (typeof CARD_FACES)[number]; back: (typeof CARD_FACES)[number] };

function resolveCards(extension: "tsv" | "csv"): Resolver<{ locale: string }, CardQuery> {
  return async ({ db, query, instance }) => {
    if (query.front === query.back) return invalidParameters(instance, [{ name: "back", in: "query", reason: "must differ from front" }]);
    const deck = parseDeck(query.deck)!;
    const direction = { front: query.front, back: query.back };
    const stamp = await glossaryStamp(db, deck.kind === "section" ? deck.work : undefined);
    if (stamp === null) return invalidParameters(instance, [{ name: "deck", in: "query", reason: "names a work that does not exist" }]);
    return {
      stamp,
      render: async () => {
        const entries = toExportEntries(await deckCards(db, deck, direction));
        return extension === "tsv"
          ? { text: ankiTsv(entries, direction), contentType: "text/tab-separated-values; charset=utf-8", fileName: cardsFileName(deck, direction, "tsv") }
          : { text: cardsCsv(entries, direction), contentType: "text/csv; charset=utf-8; header=present", fileName: cardsFileName(deck, direction, "csv") };
      },
    };
  };
}

function resolveTbx(origin: string): Resolver<{ locale: string }, { work?: string | undefined }> {
  return async ({ db, path, query, instance }) => {
    const stamp = await glossaryStamp(db, query.work);
    if (stamp === null) return notFound(instance, `No work has the slug "${query.work}".`);
    return {
      stamp: `${stamp} ${origin}`,
      render: async () => {
        const items = await listGlossary(db, { work: query.work });
        const titles = [...new Set(items.map((item) => item.work.title))];
        const text = glossaryTbx(toExportEntries(items), {
          title: titles.length === 1 ? `Glossary of ${titles[0]}` : "Parallel Reader glossary",
          entryUrl: (_work, key) => new URL(glossaryPaths.entry(path.locale, key), origin).href,
        });
        return { text, contentType: "application/xml; charset=utf-8", fileName: query.work ? `${query.work}-glossary.tbx` : "glossary.tbx" };
      },
    };
  };
}

export const termCardHandlers = (): RouteHandlers => routeHandlers(termCardRoute, resolveCard as Resolver<unknown, unknown>, database);
export const tsvHandlers = (): RouteHandlers => routeHandlers(tsvRoute, resolveCards("tsv") as Resolver<unknown, unknown>, database);
export const csvHandlers = (): RouteHandlers => routeHandlers(csvRoute, resolveCards("csv") as Resolver<unknown, unknown>, database);

/** The address the request came to, as the client named it (behind a proxy, the forwarded one). */
function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const first = (header: string) => request.headers.get(header)?.split(",")[0]?.trim() || undefined;
  const protocol = first("x-forwarded-proto") ?? url.protocol.slice(0, -1);
  const host = first("x-forwarded-host") ?? first("host") ?? url.host;
  try {
    const origin = new URL(`${protocol}://${host}`);
    return /^https?:$/.test(origin.protocol) ? origin.origin : url.origin;
  } catch {
    return url.origin;
  }
}

/** The TBX links each entry to its page, so it needs the address the request came to. */
export function tbxHandlers(): RouteHandlers {
  const GET: RouteHandlers["GET"] = (request, context) => routeHandlers(tbxRoute, resolveTbx(requestOrigin(request)) as Resolver<unknown, unknown>, database).GET(request, context);
  return { GET, HEAD: GET, OPTIONS: routeHandlers(tbxRoute, resolveTbx("") as Resolver<unknown, unknown>, database).OPTIONS };
}
