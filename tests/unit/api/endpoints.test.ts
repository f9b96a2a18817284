import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadWork } from "@/lib/content/load";
import { importWorks } from "@/lib/db/import";
import {
  exportEndpoints,
  exportWorkEndpoint,
  getEditionEndpoint,
  getGlossaryEntryEndpoint,
  getParagraphEndpoint,
  getUnitEndpoint,
  getWorkEndpoint,
  listEditionsEndpoint,
  listGlossaryEndpoint,
  listParagraphsEndpoint,
  listUnitsEndpoint,
  listWorksEndpoint,
  openApiEndpoint,
  type Endpoint,
} from "@/lib/api/endpoints";
import { routeHandlers } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi";
import { API_ROUTES, getWorkRoute } from "@/lib/api/routes";
import { temporaryDatabase } from "../support/database";
import { get as call } from "./request";
import { responseValidator } from "./response-validator";

const article = loadWork("content/streltsov-2018");
const checkResponse = responseValidator(openApiDocument(API_ROUTES));

let database: ReturnType<typeof temporaryDatabase>;
beforeAll(async () => {
  database = temporaryDatabase();
  await importWorks(database.db, [article, loadWork("tests/fixtures/content/hostile-markup")]);
});
afterAll(async () => {
  await database.dispose();
});

/** GETs a URL and checks the answer against the schema the OpenAPI document gives for its status. */
async function get(endpoint: Endpoint, url: string, headers: Record<string, string> = {}) {
  const response = await call(endpoint, database.db, url, headers);
  const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]!;
  const body = response.status === 304 ? null : mediaType.endsWith("json") ? await response.json() : await response.text();
  if (response.status !== 304 && (mediaType.endsWith("json") || response.status >= 400)) {
    expect(checkResponse(endpoint.route.path, String(response.status), mediaType, body), `${url} answers as documented`).toEqual([]);
  }
  return { response, body };
}

function expectProblem(response: Response, body: Record<string, unknown>, status: number, url: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  expect(body).toMatchObject({ status, instance: url });
  expect(typeof body.type).toBe("string");
  expect(typeof body.title).toBe("string");
  expect(typeof body.detail).toBe("string");
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

describe("works", () => {
  it("lists the works a page at a time with total and links", async () => {
    const { response, body } = await get(listWorksEndpoint, "/api/v1/works?pageSize=1");
    expect(response.status).toBe(200);
    expect(body.total).toBe(2);
    expect(body.totalPages).toBe(2);
    expect(body.data).toHaveLength(1);
    expect(body.links).toMatchObject({ prev: null, next: "/api/v1/works?page=2&pageSize=1", first: "/api/v1/works?page=1&pageSize=1" });
    expect(response.headers.get("link")).toContain('</api/v1/works?page=2&pageSize=1>; rel="next"');

    const second = await get(listWorksEndpoint, body.links.next);
    expect(second.body.data[0].slug).not.toBe(body.data[0].slug);
    expect(second.body.links).toMatchObject({ next: null, prev: "/api/v1/works?page=1&pageSize=1" });
  });

  it("answers a page past the end with no items and a way back", async () => {
    const { response, body } = await get(listWorksEndpoint, "/api/v1/works?page=7");
    expect(response.status).toBe(200);
    expect(body.data).toEqual([]);
    expect(body.total).toBe(2);
    expect(body.links.prev).toBe("/api/v1/works?page=1&pageSize=20");
  });

  it("gives a work's editions with their bibliographic facts, unknown ones as null", async () => {
    const { body } = await get(getWorkEndpoint, "/api/v1/works/streltsov-2018");
    expect(body.title).toBe(article.title);
    expect(body.units).toBe(article.units.length);
    const [en, ru] = body.editions;
    expect(en).toMatchObject({ language: "en", status: "published", journal: "Russian Japanology Review", year: 2018, volume: null, doi: null, licence: "CC BY" });
    expect(ru).toMatchObject({ language: "ru", status: "project-translation", journal: "Контрапункт", year: 2017, issue: "3", pages: "70–85", firstPage: 70 });
    expect(ru.authors).toEqual([{ family: "Стрельцов", given: "Дмитрий Викторович" }]);
    expect(body.links.exports.tei).toBe("/api/v1/works/streltsov-2018/export.tei.xml");
  });

  it("answers an unknown work with a 404 problem on every route that names one", async () => {
    for (const [endpoint, url] of [
      [getWorkEndpoint, "/api/v1/works/no-such-work"],
      [listUnitsEndpoint, "/api/v1/works/no-such-work/units"],
      [getUnitEndpoint, "/api/v1/works/no-such-work/units/1"],
      [getParagraphEndpoint, "/api/v1/works/no-such-work/editions/en/paragraphs/1"],
      [listGlossaryEndpoint, "/api/v1/works/no-such-work/glossary"],
      [exportEndpoints.tei, "/api/v1/works/no-such-work/export.tei.xml"],
    ] as const) {
      const { response, body } = await get(endpoint, url);
      expectProblem(response, body, 404, url);
      expect(body.detail).toContain('"no-such-work"');
    }
  });
});

describe("parameters", () => {
  it.each([
    ["/api/v1/works?pageSize=1000", "pageSize", "must be a whole number from 1 to 100"],
    ["/api/v1/works?pageSize=0", "pageSize", "must be a whole number from 1 to 100"],
    ["/api/v1/works?page=-1", "page", "must be a whole number from 1 to 1000000"],
    ["/api/v1/works?page=1.5", "page", "must be a whole number from 1 to 1000000"],
    ["/api/v1/works?page=", "page", "must be a whole number from 1 to 1000000"],
    ["/api/v1/works?page=99999999999999999999", "page", "must be a whole number from 1 to 1000000"],
    ["/api/v1/works?page=1&page=2", "page", "is given more than once"],
    ["/api/v1/works?limit=5", "limit", "is not a parameter of this route; this route takes page, pageSize"],
  ])("refuses %s, naming %s", async (url, name, reason) => {
    const { response, body } = await get(listWorksEndpoint, url);
    expectProblem(response, body, 400, url);
    expect(body["invalid-params"]).toContainEqual({ name, in: "query", reason });
    expect(body.detail).toContain(name);
  });

  it("names every invalid parameter at once, path and query", async () => {
    const url = "/api/v1/works/Bad_Slug/units?page=x&pageSize=101";
    const { response, body } = await get(listUnitsEndpoint, url);
    expectProblem(response, body, 400, url);
    expect(body["invalid-params"].map((parameter: { name: string; in: string }) => `${parameter.in}:${parameter.name}`)).toEqual(["path:slug", "query:page", "query:pageSize"]);
  });

  it("refuses a unit or paragraph number that is not a number", async () => {
    for (const [endpoint, url, name] of [
      [getUnitEndpoint, "/api/v1/works/streltsov-2018/units/abc", "n"],
      [getUnitEndpoint, "/api/v1/works/streltsov-2018/units/0", "n"],
      [getParagraphEndpoint, "/api/v1/works/streltsov-2018/editions/en/paragraphs/1e2", "n"],
      [getParagraphEndpoint, "/api/v1/works/streltsov-2018/editions/EN!/paragraphs/1", "lang"],
      [getGlossaryEntryEndpoint, "/api/v1/works/streltsov-2018/glossary/Hiki%20Wake", "key"],
      [exportWorkEndpoint, "/api/v1/works/streltsov-2018/export?format=pdf", "format"],
      [exportWorkEndpoint, "/api/v1/works/streltsov-2018/export", "format"],
    ] as const) {
      const { response, body } = await get(endpoint, url);
      expectProblem(response, body, 400, url);
      expect(body["invalid-params"].map((parameter: { name: string }) => parameter.name)).toEqual([name]);
    }
  });

  it("survives hostile values without a server error", async () => {
    const hostile = ["%00", "..%2F..%2Fetc", "%3Cscript%3E", "a".repeat(5000), "%F0%9F%98%80", "'%20OR%201=1--"];
    for (const value of hostile) {
      for (const [endpoint, url] of [
        [getWorkEndpoint, `/api/v1/works/${value}`],
        [getUnitEndpoint, `/api/v1/works/streltsov-2018/units/${value}`],
        [listUnitsEndpoint, `/api/v1/works/streltsov-2018/units?page=${value}`],
        [getGlossaryEntryEndpoint, `/api/v1/works/streltsov-2018/glossary/${value}`],
      ] as const) {
        const { response } = await get(endpoint, url);
        expect(response.status, url).toBe(400);
      }
    }
  });
});

describe("editions and paragraphs", () => {
  it("lists the editions and reads one by language", async () => {
    const { body } = await get(listEditionsEndpoint, "/api/v1/works/streltsov-2018/editions");
    expect(body.data.map((edition: { language: string }) => edition.language)).toEqual(["en", "ru"]);
    expect(body.data[1].paragraphs).toBe(article.editions[1]!.paragraphs.length);
    const ru = await get(getEditionEndpoint, "/api/v1/works/streltsov-2018/editions/ru");
    expect(ru.body).toMatchObject({ language: "ru", status: "project-translation", work: "streltsov-2018" });
  });

  it("reads a paragraph with its marks and page breaks, as in the content", async () => {
    const source = article.editions[0]!.paragraphs[9]!;
    const { body } = await get(getParagraphEndpoint, "/api/v1/works/streltsov-2018/editions/en/paragraphs/10");
    expect(body).toMatchObject({ id: "en-10", number: 10, language: "en", unit: 10, kind: source.kind, text: source.text, pageBreaks: source.pageBreaks, marks: source.marks });
    expect(body.links.unit).toBe("/api/v1/works/streltsov-2018/units/10");

    const reference = await get(getParagraphEndpoint, "/api/v1/works/streltsov-2018/editions/en/paragraphs/57");
    expect(reference.body).toMatchObject({ kind: "reference", referenceKey: "batin-2017" });
  });

  it("says which paragraphs and editions exist when one does not", async () => {
    const paragraph = await get(getParagraphEndpoint, "/api/v1/works/streltsov-2018/editions/en/paragraphs/999");
    expectProblem(paragraph.response, paragraph.body, 404, "/api/v1/works/streltsov-2018/editions/en/paragraphs/999");
    expect(paragraph.body.detail).toContain("numbered 1 to 63");
    const edition = await get(getParagraphEndpoint, "/api/v1/works/streltsov-2018/editions/de/paragraphs/1");
    expect(edition.response.status).toBe(404);
    expect(edition.body.detail).toContain("its editions are en, ru");
    const list = await get(listParagraphsEndpoint, "/api/v1/works/streltsov-2018/editions/ja/paragraphs");
    expect(list.response.status).toBe(404);
  });

  it("pages through an edition's paragraphs in reading order", async () => {
    const { body } = await get(listParagraphsEndpoint, "/api/v1/works/streltsov-2018/editions/ru/paragraphs?page=2&pageSize=10");
    expect(body.data.map((paragraph: { number: number }) => paragraph.number)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(body.total).toBe(63);
    expect(body.totalPages).toBe(7);
  });
});

describe("alignment units", () => {
  it("pages through the units, each with both editions' paragraphs", async () => {
    const { body } = await get(listUnitsEndpoint, "/api/v1/works/streltsov-2018/units?page=2");
    expect(body).toMatchObject({ page: 2, pageSize: 20, total: 63, totalPages: 4 });
    expect(body.data.map((unit: { number: number }) => unit.number)).toEqual(Array.from({ length: 20 }, (_, index) => 21 + index));
    const unit = body.data[0];
    expect(Object.keys(unit.paragraphs)).toEqual(["en", "ru"]);
    expect(unit.paragraphs.en[0].text).toBe(article.editions[0]!.paragraphs[20]!.text);
    expect(unit.paragraphs.ru[0].id).toBe("ru-21");
    expect(body.links).toMatchObject({ prev: "/api/v1/works/streltsov-2018/units?page=1&pageSize=20", next: "/api/v1/works/streltsov-2018/units?page=3&pageSize=20" });
  });

  it("reads one unit with its neighbours, and keeps an empty side empty", async () => {
    const first = await get(getUnitEndpoint, "/api/v1/works/streltsov-2018/units/1");
    expect(first.body.links).toMatchObject({ prev: null, next: "/api/v1/works/streltsov-2018/units/2" });
    const last = await get(getUnitEndpoint, "/api/v1/works/streltsov-2018/units/63");
    expect(last.body.links.next).toBeNull();
    const oneSided = await get(getUnitEndpoint, "/api/v1/works/hostile-markup/units/3");
    expect(oneSided.body.paragraphs.ru).toEqual([]);
    expect(oneSided.body.paragraphs.en[0].text).toBe("Only the English edition has this paragraph.");
    const missing = await get(getUnitEndpoint, "/api/v1/works/streltsov-2018/units/64");
    expectProblem(missing.response, missing.body, 404, "/api/v1/works/streltsov-2018/units/64");
    expect(missing.body.detail).toContain("numbered 1 to 63");
  });

  it("keeps markup in content as text", async () => {
    const { body } = await get(getUnitEndpoint, "/api/v1/works/hostile-markup/units/1");
    expect(body.paragraphs.en[0].text).toContain("<script>window.__injected = true</script>");
  });
});

describe("glossary", () => {
  it("lists the imported glossary with each entry's occurrences and their words", async () => {
    const { body } = await get(listGlossaryEndpoint, "/api/v1/works/streltsov-2018/glossary?pageSize=100");
    expect(body.total).toBe(article.glossary.length);
    const hikiwake = body.data.find((entry: { key: string }) => entry.key === "hikiwake");
    expect(hikiwake.entry.glossEn).toBeTruthy();
    expect(hikiwake.occurrences.map((occurrence: { language: string; text: string }) => `${occurrence.language}:${occurrence.text}`)).toEqual(["en:hikiwake", "ru:хикиваке"]);
    const keys = body.data.map((entry: { key: string }) => entry.key);
    expect(keys).toEqual([...keys].sort());
  });

  it("filters by category and reads one entry by key", async () => {
    const category = article.glossary.find((entry) => entry.id === "hikiwake")!.category;
    const { body } = await get(listGlossaryEndpoint, `/api/v1/works/streltsov-2018/glossary?category=${category}&pageSize=5`);
    expect(body.data.every((entry: { category: string }) => entry.category === category)).toBe(true);
    expect(body.total).toBe(article.glossary.filter((entry) => entry.category === category).length);
    if (body.links.next) expect(body.links.next).toContain(`category=${category}`);

    const entry = await get(getGlossaryEntryEndpoint, "/api/v1/works/streltsov-2018/glossary/hikiwake");
    expect(entry.body).toMatchObject({ key: "hikiwake", category, links: { self: "/api/v1/works/streltsov-2018/glossary/hikiwake" } });
    const missing = await get(getGlossaryEntryEndpoint, "/api/v1/works/streltsov-2018/glossary/no-such-entry");
    expect(missing.response.status).toBe(404);
  });

  it("answers a work without a glossary with an empty list, then with the rows a glossary adds", async () => {
    const empty = await get(listGlossaryEndpoint, "/api/v1/works/hostile-markup/glossary");
    expect(empty.body).toMatchObject({ data: [], total: 0, totalPages: 1, links: { next: null, prev: null } });

    const work = await database.db.work.findUniqueOrThrow({ where: { slug: "hostile-markup" } });
    const paragraph = await database.db.paragraph.findFirstOrThrow({ where: { edition: { workId: work.id, language: "en" }, ordinal: 3 } });
    const start = paragraph.text.indexOf("English");
    await database.db.glossaryEntry.create({
      data: {
        workId: work.id,
        key: "english",
        category: "place",
        data: { id: "english", en: ["English"], glossEn: "the language" },
        searchText: "english",
        occurrences: { create: { paragraphId: paragraph.id, start, end: start + "English".length } },
      },
    });
    const { body } = await get(getGlossaryEntryEndpoint, "/api/v1/works/hostile-markup/glossary/english");
    expect(body.occurrences).toEqual([{ language: "en", paragraph: 3, unit: 3, start, end: start + 7, text: "English" }]);
    expect(body.entry).toMatchObject({ glossEn: "the language" });
  });
});

describe("conditional requests, caching and CORS", () => {
  it("answers 304 to a current ETag and 200 again when the work changes", async () => {
    const url = "/api/v1/works/hostile-markup/units?page=1";
    const first = await get(listUnitsEndpoint, url);
    const tag = first.response.headers.get("etag")!;
    expect(tag).toMatch(/^"[\w-]+"$/);
    expect(first.response.headers.get("cache-control")).toBe("public, max-age=60, must-revalidate");

    for (const header of [tag, `W/${tag}`, `"other", ${tag}`, "*"]) {
      const again = await get(listUnitsEndpoint, url, { "If-None-Match": header });
      expect(again.response.status, header).toBe(304);
      expect(await again.response.text()).toBe("");
      expect(again.response.headers.get("etag")).toBe(tag);
      expect(again.response.headers.get("access-control-allow-origin")).toBe("*");
    }
    expect((await get(listUnitsEndpoint, url, { "If-None-Match": '"other"' })).response.status).toBe(200);
    expect((await get(listUnitsEndpoint, "/api/v1/works/hostile-markup/units?page=2")).response.headers.get("etag")).not.toBe(tag);

    await database.db.work.update({ where: { slug: "hostile-markup" }, data: { title: "Hostile markup, revised" } });
    const changed = await get(listUnitsEndpoint, url, { "If-None-Match": tag });
    expect(changed.response.status).toBe(200);
    expect(changed.response.headers.get("etag")).not.toBe(tag);
  });

  it("gives the same ETag to the same request, whatever the order of its query", async () => {
    const a = await get(listUnitsEndpoint, "/api/v1/works/streltsov-2018/units?page=2&pageSize=5");
    const b = await get(listUnitsEndpoint, "/api/v1/works/streltsov-2018/units?pageSize=5&page=2");
    expect(a.response.headers.get("etag")).toBe(b.response.headers.get("etag"));
  });

  it("opens CORS for GET, HEAD and a preflight", async () => {
    const { response } = await get(getWorkEndpoint, "/api/v1/works/streltsov-2018");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-expose-headers")).toContain("ETag");
    const { OPTIONS } = routeHandlers(getWorkRoute, getWorkEndpoint.resolve, () => database.db);
    const preflight = OPTIONS();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("failures", () => {
  it("logs an unexpected error and answers a bare 500 problem", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const { GET } = routeHandlers(getWorkRoute, async () => {
      throw new Error("database file is locked at /secret/path");
    }, () => database.db);
    const response = await GET(new Request("http://reader.test/api/v1/works/streltsov-2018"), { params: Promise.resolve({ slug: "streltsov-2018" }) });
    const body = await response.json();
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(body)).not.toContain("secret");
    expect(checkResponse(getWorkRoute.path, "500", "application/problem+json", body)).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("GET /api/v1/works/streltsov-2018"), expect.any(Error));
    log.mockRestore();
  });
});

describe("exports and the OpenAPI document", () => {
  it("serves each export as a download with its media type", async () => {
    for (const [format, type] of [
      ["tei", "application/tei+xml"],
      ["tmx", "application/x-tmx+xml"],
      ["csv", "text/csv"],
      ["json", "application/json"],
    ] as const) {
      const endpoint = exportEndpoints[format];
      const url = endpoint.route.path.replace("{slug}", "streltsov-2018");
      const { response, body } = await get(endpoint, url);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain(type);
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="streltsov-2018\./);
      expect(JSON.stringify(body).length).toBeGreaterThan(10_000);
      const byQuery = await get(exportWorkEndpoint, `/api/v1/works/streltsov-2018/export?format=${format}`);
      expect(byQuery.body).toEqual(body);
    }
  });

  it("serves the OpenAPI document", async () => {
    const { response, body } = await get(openApiEndpoint, "/api/v1/openapi.json");
    expect(response.status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths)).toHaveLength(API_ROUTES.length);
  });
});

describe("routes without path parameters", () => {
  it("answer when Next.js passes no params", async () => {
    const { GET } = routeHandlers(listWorksEndpoint.route, listWorksEndpoint.resolve, () => database.db);
    for (const context of [{}, { params: Promise.resolve(undefined) }]) {
      const response = await GET(new Request("http://reader.test/api/v1/works"), context);
      expect(response.status).toBe(200);
    }
  });
});
