import { expect, test, type APIResponse } from "@playwright/test";
import { Validator } from "@seriousme/openapi-schema-validator";
import { XMLParser } from "fast-xml-parser";
import { loadWork } from "@/lib/content/load";
import { responseValidator } from "../unit/api/response-validator";
import { DESKTOP_ONLY } from "../../playwright.config";

const article = loadWork("content/streltsov-2018");
const WORK = "/api/v1/works/streltsov-2018";

async function problem(response: APIResponse, status: number) {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toMatch(/^application\/problem\+json/);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  const body = await response.json();
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String), instance: expect.any(String) });
  expect(JSON.stringify(body)).not.toMatch(/node_modules|\.ts:\d+|at async/);
  return body;
}

test.describe("the API", { tag: DESKTOP_ONLY }, () => {
  test("answers the documented routes as the OpenAPI document describes them", async ({ request }) => {
    const response = await request.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    const document = await response.json();
    const validation = await new Validator().validate(structuredClone(document));
    expect(validation.errors ?? []).toEqual([]);
    const check = responseValidator(document);
    for (const [path, item] of Object.entries(document.paths as Record<string, { get: { "x-example": string } }>)) {
      const example = item.get["x-example"];
      const answer = await request.get(example);
      expect(answer.status(), example).toBe(200);
      const mediaType = answer.headers()["content-type"]!.split(";")[0]!;
      if (mediaType === "application/json") expect(check(path, "200", mediaType, await answer.json()), example).toEqual([]);
      else expect((await answer.body()).length, example).toBeGreaterThan(1000);
    }
  });

  test("pages through the units with total and links", async ({ request }) => {
    const body = await (await request.get(`${WORK}/units?page=2&pageSize=10`)).json();
    expect(body).toMatchObject({ page: 2, pageSize: 10, total: article.units.length });
    expect(body.data[0].number).toBe(11);
    expect(body.data[0].paragraphs.ru[0].id).toBe("ru-11");
    const next = await request.get(body.links.next);
    expect((await next.json()).data[0].number).toBe(21);
    expect(next.headers().link).toContain('rel="prev"');
  });

  test("refuses bad parameters with problem details naming them", async ({ request }) => {
    for (const [url, name] of [
      ["/api/v1/works?pageSize=1000", "pageSize"],
      ["/api/v1/works?page=-1", "page"],
      [`${WORK}/units/abc`, "n"],
      [`${WORK}/units?sort=asc`, "sort"],
      [`${WORK}/export?format=docx`, "format"],
    ]) {
      const body = await problem(await request.get(url!), 400);
      expect(body["invalid-params"].map((parameter: { name: string }) => parameter.name), url).toContain(name);
    }
  });

  test("answers unknown things with a 404 problem", async ({ request }) => {
    for (const url of ["/api/v1/works/no-such-work", `${WORK}/units/999`, `${WORK}/editions/en/paragraphs/999`, `${WORK}/editions/de`, `${WORK}/glossary/no-such-entry`, "/api/v1/nothing-here"]) {
      await problem(await request.get(url), 404);
    }
  });

  test("revalidates with ETag and If-None-Match", async ({ request }) => {
    const first = await request.get(`${WORK}/units/12`);
    const tag = first.headers().etag!;
    expect(tag).toBeTruthy();
    expect(first.headers()["cache-control"]).toBe("public, max-age=60, must-revalidate");
    const again = await request.get(`${WORK}/units/12`, { headers: { "If-None-Match": tag } });
    expect(again.status()).toBe(304);
    expect((await again.body()).length).toBe(0);
    expect((await request.get(`${WORK}/units/13`, { headers: { "If-None-Match": tag } })).status()).toBe(200);
  });

  test("opens CORS to other origins, preflight included", async ({ request }) => {
    const response = await request.get(WORK, { headers: { Origin: "https://scholar.example" } });
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    const preflight = await request.fetch(`${WORK}/units`, {
      method: "OPTIONS",
      headers: { Origin: "https://scholar.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-none-match" },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()["access-control-allow-methods"]).toContain("GET");
    expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
    const head = await request.head(WORK);
    expect(head.status()).toBe(200);
    expect(head.headers().etag).toBeTruthy();
  });

  test("downloads each export, and each parses", async ({ request }) => {
    const parser = new XMLParser({ ignoreAttributes: false });
    const tei = await request.get(`${WORK}/export.tei.xml`);
    expect(tei.headers()["content-disposition"]).toBe('attachment; filename="streltsov-2018.tei.xml"');
    const teiDocument = parser.parse(await tei.text());
    expect(teiDocument.TEI["@_xmlns"]).toBe("http://www.tei-c.org/ns/1.0");
    expect(teiDocument.TEI.text.group.text).toHaveLength(2);

    const tmx = parser.parse(await (await request.get(`${WORK}/export.tmx`)).text());
    expect(tmx.tmx.body.tu).toHaveLength(article.units.length);

    const csv = await request.get(`${WORK}/export.csv`);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("Российско-японские отношения");

    const json = await (await request.get(`${WORK}/export?format=json`)).json();
    expect(json.units).toHaveLength(article.units.length);
  });
});

test.describe("the API reference page", () => {
  for (const [locale, heading] of [
    ["en", "API reference"],
    ["ru", "Справочник по API"],
    ["ja", "API リファレンス"],
  ] as const) {
    test(`renders in ${locale}`, async ({ page }) => {
      const response = await page.goto(`/${locale}/api`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(page.locator("#getUnit")).toContainText("/api/v1/works/{slug}/units/{n}");
      await expect(page.locator("#problem-invalid-parameters")).toBeVisible();
      await expect(page.locator("footer").getByRole("link")).toHaveAttribute("href", `/${locale}/api`);
    });
  }
});
