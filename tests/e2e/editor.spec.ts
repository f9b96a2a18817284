import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { expect, test, type APIRequestContext, type Locator, type Page, type TestInfo } from "@playwright/test";
import { loadWork } from "@/lib/content/load";
import { createDatabase } from "@/lib/db/client";
import { importWorks } from "@/lib/db/import";
import { DESKTOP_ONLY, E2E_DATABASE_URL, E2E_EDITOR_TOKEN } from "../../playwright.config";
import { screenshotPath } from "./support";

/**
 * The alignment editor and readers' misalignment reports. Every test edits a
 * copy of a small fixture work of its own (white-sea-<test>-<project>), made
 * afresh when the test starts, so the tests do not depend on one another or
 * on their order, and the other specs' works are never touched. The tests
 * that write run on the desktop only and one after another: the test process
 * writes the fixture into the server's SQLite file, and two writers of one
 * file wait on each other's locks.
 */
test.describe.configure({ mode: "default", timeout: 90_000 });

const fixture = loadWork("tests/fixtures/editor/white-sea-lights");
const ACTIONS = ["sign-out", "merge", "split", "move", "review", "undo", "resolve"] as const;

async function freshWork(name: string, testInfo: TestInfo, confidences: Record<number, number> = {}): Promise<string> {
  const slug = `white-sea-${name}-${testInfo.project.name}`;
  const db = createDatabase(E2E_DATABASE_URL);
  try {
    await importWorks(db, [{ ...fixture, slug, title: `${fixture.title} (${name})` }], { force: true });
    await db.misalignmentReport.deleteMany({ where: { workSlug: slug } });
    for (const [ordinal, confidence] of Object.entries(confidences)) {
      await db.alignmentUnit.updateMany({ where: { work: { slug }, ordinal: Number(ordinal) }, data: { confidence } });
    }
  } finally {
    await db.$disconnect();
  }
  return slug;
}

async function changeCount(slug: string): Promise<number> {
  const db = createDatabase(E2E_DATABASE_URL);
  try {
    return await db.alignmentChange.count({ where: { work: { slug } } });
  } finally {
    await db.$disconnect();
  }
}

async function reportCount(slug: string): Promise<number> {
  const db = createDatabase(E2E_DATABASE_URL);
  try {
    return await db.misalignmentReport.count({ where: { workSlug: slug } });
  } finally {
    await db.$disconnect();
  }
}

/** Submits one of the editor's forms and waits for the page it leads to. */
async function act(page: Page, control: Locator) {
  const navigated = page.waitForEvent("framenavigated", { predicate: (frame) => frame === page.mainFrame() });
  await control.click();
  await navigated;
  await page.waitForLoadState("load");
}

async function signIn(page: Page, slug: string, locale = "en") {
  await page.goto(`/${locale}/works/${slug}/align`);
  await page.getByLabel("Editor token").fill(E2E_EDITOR_TOKEN);
  await act(page, page.getByRole("button", { name: "Sign in" }));
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

const main = (page: Page) => page.getByRole("main");
const rows = (page: Page) => page.locator('li[id^="u"]');
const row = (page: Page, unit: number) => page.locator(`li#u${unit}`);

/** The paragraph numbers a unit row shows for an edition. */
async function paragraphsOf(page: Page, unit: number, language: string): Promise<number[]> {
  const texts = await row(page, unit).locator(`ul[lang="${language}"] > li`).allTextContents();
  return texts.map((text) => Number(/^¶(\d+)/.exec(text.trim())![1]));
}

/** Every unit's paragraphs as "en:ru", e.g. "6,7:6", in the editor's text order. */
async function layout(page: Page): Promise<string[]> {
  const count = await rows(page).count();
  const units: string[] = [];
  for (let unit = 1; unit <= count; unit++) units.push(`${(await paragraphsOf(page, unit, "en")).join(",")}:${(await paragraphsOf(page, unit, "ru")).join(",")}`);
  return units;
}

const ORIGINAL = ["1:1", "2:2", "3:3", "4:4", "5:5", "6,7:6", "8:7,8"];

/** What the reader shows: each unit's paragraph ids, from its own markup. */
async function readerLayout(page: Page, slug: string): Promise<string[]> {
  await page.goto(`/en/works/${slug}`);
  return page.locator('[id^="u"].unit').evaluateAll((units) =>
    units.map((unit) =>
      ["en", "ru"]
        .map((language) => [...unit.querySelectorAll(`[id^="${language}-"]`)].map((paragraph) => paragraph.id.slice(language.length + 1)).join(","))
        .join(":"),
    ),
  );
}

// Writes to the database; the phone gets its own screenshots below.
test.describe("signing in to the alignment editor", { tag: DESKTOP_ONLY }, () => {
  test("refuses a wrong token with a message, accepts the right one with a scoped httpOnly cookie, and signs out", async ({ page, context, baseURL }, testInfo) => {
    const slug = await freshWork("signin", testInfo);
    const sessionCookies = async () => (await context.cookies()).filter((cookie) => cookie.name === "editor_session");
    await page.goto(`/en/works/${slug}/align`);
    await expect(page.getByRole("heading", { name: "Sign in to edit the alignment" })).toBeVisible();
    await expect(rows(page)).toHaveCount(0);
    await page.screenshot({ path: screenshotPath("editor-sign-in", testInfo) });

    await page.getByLabel("Editor token").fill("not the token");
    const started = Date.now();
    await act(page, page.getByRole("button", { name: "Sign in" }));
    await expect(main(page).getByRole("alert")).toHaveText("That token is not correct. Check it and try again.");
    // A refusal is answered only after a pause, so that guessing is slow.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await expect(rows(page)).toHaveCount(0);
    expect(await sessionCookies()).toEqual([]);
    await page.screenshot({ path: screenshotPath("editor-sign-in-refused", testInfo) });

    await page.getByLabel("Editor token").fill(E2E_EDITOR_TOKEN);
    await act(page, page.getByRole("button", { name: "Sign in" }));
    await expect(page.getByRole("heading", { name: "Alignment editor", level: 1 })).toBeVisible();
    await expect(rows(page)).toHaveCount(7);

    const cookies = await sessionCookies();
    expect(cookies.map((cookie) => cookie.path).sort()).toEqual([`/en/works/${slug}/align`, `/ja/works/${slug}/align`, `/ru/works/${slug}/align`]);
    for (const cookie of cookies) {
      expect(cookie).toMatchObject({ name: "editor_session", httpOnly: true, sameSite: "Strict", secure: false });
      expect(cookie.value).not.toContain(E2E_EDITOR_TOKEN);
    }
    // The reader's pages never carry the cookie.
    expect((await context.cookies(`${baseURL}/en/works/${slug}`)).filter((cookie) => cookie.name === "editor_session")).toEqual([]);

    // The session holds in another interface language.
    await page.goto(`/ru/works/${slug}/align`);
    await expect(page.getByRole("heading", { name: "Редактор выравнивания", level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Выйти" })).toBeVisible();

    await act(page, page.getByRole("button", { name: "Выйти" }));
    await expect(main(page).getByRole("status")).toHaveText("Вы вышли из редактора.");
    await expect(page.getByLabel("Токен редактора")).toBeVisible();
    expect(await sessionCookies()).toEqual([]);
  });
});

// Writes to the database; the phone gets its own screenshots below.
test.describe("editing the alignment", { tag: DESKTOP_ONLY }, () => {
  test("merge joins a unit with the next, in the editor and in the reader; undo is refused while a later change sits on it", async ({ page }, testInfo) => {
    const slug = await freshWork("merge", testInfo);
    await signIn(page, slug);
    expect(await layout(page)).toEqual(ORIGINAL);

    await act(page, row(page, 2).getByRole("button", { name: "Merge with unit 3" }));
    await expect(main(page).getByRole("status")).toHaveText("Unit 2 now holds the paragraphs of both units.");
    expect(await layout(page)).toEqual(["1:1", "2,3:2,3", "4:4", "5:5", "6,7:6", "8:7,8"]);
    await expect(row(page, 2)).toContainText("Aligned by hand");

    // Split the merged unit again, differently: the merge can no longer be undone before the split is.
    await row(page, 2).getByText("Split…").click();
    await row(page, 2).getByLabel("Russian", { exact: true }).selectOption({ label: "up to ¶3" });
    await row(page, 2).getByLabel("English", { exact: true }).selectOption({ label: "up to ¶2" });
    await act(page, row(page, 2).getByRole("button", { name: "Split the unit" }));
    expect(await layout(page)).toEqual(["1:1", "2:2,3", "3:", "4:4", "5:5", "6,7:6", "8:7,8"]);

    const history = page.getByRole("region", { name: "Latest changes" });
    await expect(history.getByRole("listitem")).toHaveText([/Split unit 2 in two/, /Merged units 2 and 3/]);
    await act(page, history.getByRole("button", { name: "Undo change" }).last());
    await expect(main(page).getByRole("alert")).toContainText("cannot be undone: later changes touch the same units. Undo those first.");
    expect(await layout(page)).toEqual(["1:1", "2:2,3", "3:", "4:4", "5:5", "6,7:6", "8:7,8"]);

    await act(page, history.getByRole("button", { name: "Undo change" }).first());
    await expect(main(page).getByRole("status")).toContainText("was undone");
    expect(await layout(page)).toEqual(["1:1", "2,3:2,3", "4:4", "5:5", "6,7:6", "8:7,8"]);
    expect(await readerLayout(page, slug)).toEqual(["1:1", "2,3:2,3", "4:4", "5:5", "6,7:6", "8:7,8"]);
    // So does the list of works, whose pages are cached too: the White Sea's titles sort after the global
    // setup's shelf, on the list's third page.
    await page.goto("/en?page=3");
    await expect(page.getByRole("listitem").filter({ hasText: `${fixture.title} (merge)` })).toContainText("6 aligned units");

    await page.goto(`/en/works/${slug}/align?order=text`);
    await act(page, page.getByRole("region", { name: "Latest changes" }).getByRole("button", { name: "Undo change" }));
    expect(await layout(page)).toEqual(ORIGINAL);
    await expect(page.getByRole("region", { name: "Latest changes" }).getByText(/^Undone /)).toHaveCount(2);
    expect(await readerLayout(page, slug)).toEqual(ORIGINAL);
  });

  test("split divides a unit where the editor chooses; undo joins it again", async ({ page }, testInfo) => {
    const slug = await freshWork("split", testInfo);
    await signIn(page, slug);
    await row(page, 6).getByText("Split…").click();
    await row(page, 6).getByLabel("English", { exact: true }).selectOption({ label: "up to ¶6" });
    await row(page, 6).getByLabel("Russian", { exact: true }).selectOption({ label: "up to ¶6" });
    await act(page, row(page, 6).getByRole("button", { name: "Split the unit" }));
    await expect(main(page).getByRole("status")).toHaveText("Unit 6 was split in two.");
    expect(await layout(page)).toEqual(["1:1", "2:2", "3:3", "4:4", "5:5", "6:6", "7:", "8:7,8"]);
    await expect(row(page, 7)).toContainText("No paragraph in this edition");
    expect(await readerLayout(page, slug)).toEqual(["1:1", "2:2", "3:3", "4:4", "5:5", "6:6", "7:", "8:7,8"]);

    await page.goto(`/en/works/${slug}/align?order=text`);
    await act(page, page.getByRole("button", { name: "Undo change" }));
    expect(await layout(page)).toEqual(ORIGINAL);
  });

  test("move hands a paragraph to the neighbouring unit in either edition; undo brings it back", async ({ page }, testInfo) => {
    const slug = await freshWork("move", testInfo);
    await signIn(page, slug);
    await act(page, row(page, 6).getByRole("button", { name: "Move English paragraph 7 to unit 7" }));
    await expect(main(page).getByRole("status")).toHaveText("The paragraph was moved. Unit 6 is shown.");
    expect(await layout(page)).toEqual(["1:1", "2:2", "3:3", "4:4", "5:5", "6:6", "7,8:7,8"]);

    await act(page, row(page, 7).getByRole("button", { name: "Move Russian paragraph 7 to unit 6" }));
    expect(await layout(page)).toEqual(["1:1", "2:2", "3:3", "4:4", "5:5", "6:6,7", "7,8:8"]);
    expect(await readerLayout(page, slug)).toEqual(["1:1", "2:2", "3:3", "4:4", "5:5", "6:6,7", "7,8:8"]);

    await page.goto(`/en/works/${slug}/align?order=text`);
    const undo = page.getByRole("region", { name: "Latest changes" }).getByRole("button", { name: "Undo change" });
    await act(page, undo.first());
    expect(await layout(page)).toEqual(["1:1", "2:2", "3:3", "4:4", "5:5", "6:6", "7,8:7,8"]);
    await act(page, undo.first());
    expect(await layout(page)).toEqual(ORIGINAL);
  });

  test("marking a unit reviewed shows it and sends it to the end of the queue; undo clears it", async ({ page }, testInfo) => {
    const slug = await freshWork("review", testInfo, { 3: 0.12, 6: 0.4, 7: 0.85 });
    await signIn(page, slug);
    await act(page, page.getByRole("link", { name: "Needing attention first" }));
    // The least confident first, then units aligned by hand.
    expect(await queue(page)).toEqual(["u3", "u6", "u7", "u1", "u2", "u4", "u5"]);
    await expect(row(page, 3)).toContainText("Aligner's confidence 12%");
    await expect(row(page, 1)).toContainText("Aligned by hand");

    await act(page, row(page, 3).getByRole("button", { name: "Mark reviewed" }));
    await expect(main(page).getByRole("status")).toHaveText("Unit 3 is marked reviewed.");
    expect(await queue(page)).toEqual(["u6", "u7", "u1", "u2", "u4", "u5", "u3"]);
    await expect(row(page, 3)).toContainText("Reviewed");
    await expect(row(page, 3).getByRole("button", { name: "Mark not reviewed" })).toBeVisible();
    expect(await layout(page)).toEqual(ORIGINAL);

    await act(page, page.getByRole("button", { name: "Undo change" }));
    expect(await queue(page)).toEqual(["u3", "u6", "u7", "u1", "u2", "u4", "u5"]);
    await expect(row(page, 3)).toContainText("Not reviewed");
    await expect(row(page, 3)).toContainText("Aligner's confidence 12%");
  });

  test("a form from a page gone stale is refused, changing nothing", async ({ page }, testInfo) => {
    const slug = await freshWork("stale", testInfo);
    await signIn(page, slug);
    // Another tab of the same editor merges units 1 and 2 meanwhile.
    const other = await page.context().newPage();
    await other.goto(`/en/works/${slug}/align?order=text`);
    await act(other, row(other, 1).getByRole("button", { name: "Merge with unit 2" }));
    await expect(main(other).getByRole("status")).toBeVisible();
    await other.close();

    await act(page, row(page, 2).getByRole("button", { name: "Merge with unit 3" }));
    await expect(main(page).getByRole("alert")).toContainText("The alignment changed after this page was loaded");
    expect(await layout(page)).toEqual(["1,2:1,2", "3:3", "4:4", "5:5", "6,7:6", "8:7,8"]);
    expect(await changeCount(slug)).toBe(1);
  });
});

const queue = (page: Page) => rows(page).evaluateAll((items) => items.map((item) => item.id));

/** Opens the reader and waits until it has hydrated (it then fetches the work's annotations). */
async function openHydratedReader(page: Page, path: string) {
  const hydrated = page.waitForResponse((response) => response.url().includes("/annotations"));
  await page.goto(path);
  await hydrated;
}

/** A reader files a report with the form under a unit of the reader. */
async function reportFromReader(page: Page, unit: number, note: string) {
  const row = page.locator(`#u${unit}`);
  await row.getByText("Report a misalignment").click();
  await row.getByLabel(`What is wrong with the alignment of unit ${unit}?`).fill(note);
  await row.getByRole("button", { name: "Send to the editors" }).click();
}

/** Without JavaScript, the disclosure under a unit leads to the report page, whose form posts. */
async function reportWithoutJavaScript(page: Page, unit: number, note: string) {
  await page.locator(`#u${unit}`).getByText("Report a misalignment").click();
  await page.getByRole("link", { name: `Write a note on unit ${unit}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Report a misalignment in unit ${unit}`);
  await main(page).getByLabel(`What is wrong with the alignment of unit ${unit}?`).fill(note);
  await main(page).getByRole("button", { name: "Send to the editors" }).click();
}

/** A report sent as the form's JavaScript sends it: from the page, asking for JSON. */
function fetchReport(page: Page, fields: Record<string, string>) {
  return page.evaluate(async (values) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(values)) body.append(name, value);
    const response = await fetch("/api/reports", { method: "POST", body, headers: { Accept: "application/json" } });
    return { status: response.status, retryAfter: response.headers.get("Retry-After"), type: response.headers.get("Content-Type"), body: await response.json() };
  }, fields);
}

// Writes to the database; the phone gets its own screenshots below.
test.describe("readers' misalignment reports", { tag: DESKTOP_ONLY }, () => {
  test("a reader's report reaches the editor's queue first, and the editor resolves it", async ({ browser }, testInfo) => {
    const slug = await freshWork("reports", testInfo, { 2: 0.93, 3: 0.34, 5: 0.58, 6: 0.21, 7: 0.77 });
    const address = (last: number) => ({ "X-Forwarded-For": `198.51.100.${last}` });
    // Without JavaScript the form posts and a page says it went.
    const plain = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: address(10) });
    const plainPage = await plain.newPage();
    await plainPage.goto(`/en/works/${slug}`);
    await reportWithoutJavaScript(plainPage, 4, 'The Russian paragraph says "winter"\nbut the English one is about the navigation season.');
    await expect(plainPage.getByRole("heading", { name: "Report sent" })).toBeVisible();
    await expect(main(plainPage).getByRole("status")).toHaveText("Thank you. Your note on unit 4 went to the editors.");
    await plainPage.getByRole("link", { name: "Back to unit 4" }).click();
    await expect(plainPage).toHaveURL(new RegExp(`/en/works/${slug}#u4$`));
    await plain.close();

    // With JavaScript the note is sent in place and the reader stays where they were.
    const reader = await browser.newContext({ extraHTTPHeaders: address(11) });
    const readerPage = await reader.newPage();
    await openHydratedReader(readerPage, `/en/works/${slug}`);
    await reportFromReader(readerPage, 6, "English 7 seems to belong to unit 7.");
    await expect(readerPage.locator("#u6").getByRole("status")).toHaveText("Thank you. The editors will look at unit 6.");
    await expect(readerPage.locator("#u6").getByRole("textbox")).toHaveValue("");
    expect(readerPage.url()).toMatch(new RegExp(`/en/works/${slug}$`));
    await reader.close();

    const page = await browser.newPage();
    await signIn(page, slug);
    await act(page, page.getByRole("link", { name: "Needing attention first" }));
    await expect(page.getByText("7 units · 7 not reviewed · 2 open reports")).toBeVisible();
    expect(await queue(page)).toEqual(["u6", "u4", "u3", "u5", "u7", "u2", "u1"]);
    await expect(row(page, 4)).toContainText("1 open report");
    await expect(row(page, 4).getByRole("region", { name: "Readers' reports" })).toContainText('The Russian paragraph says "winter"');
    await page.screenshot({ path: screenshotPath("editor", testInfo), fullPage: true });

    await act(page, row(page, 4).getByRole("button", { name: "Resolve" }));
    await expect(main(page).getByRole("status")).toHaveText("The report on unit 4 was resolved.");
    await expect(page.getByText("7 units · 7 not reviewed · 1 open report")).toBeVisible();
    expect(await queue(page)).toEqual(["u6", "u3", "u5", "u7", "u2", "u1", "u4"]);
    await expect(row(page, 4).getByRole("region", { name: "Readers' reports" })).toHaveCount(0);

    // A report follows its unit when the units are renumbered.
    await act(page, page.getByRole("link", { name: "In text order" }));
    await act(page, row(page, 1).getByRole("button", { name: "Merge with unit 2" }));
    await expect(row(page, 5)).toContainText("English 7 seems to belong to unit 7.");
    await page.close();
  });

  test("are limited to five per sender in ten minutes, answered 429 with Retry-After", async ({ page, browser, playwright, baseURL }, testInfo) => {
    const slug = await freshWork("limit", testInfo);
    const address = `203.0.113.${testInfo.project.name === "desktop" ? 20 : 21}`;
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": address });
    await openHydratedReader(page, `/en/works/${slug}`);
    for (let count = 1; count <= 5; count++) expect((await fetchReport(page, { work: slug, unit: "2", note: `Note ${count}` })).status).toBe(201);
    const refused = await fetchReport(page, { work: slug, unit: "2", note: "Note 6" });
    expect(refused.status).toBe(429);
    expect(refused.type).toBe("application/problem+json; charset=utf-8");
    expect(Number(refused.retryAfter)).toBeGreaterThan(500);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(600);
    expect(refused.body).toMatchObject({ status: 429, title: "Too Many Requests", retryAfter: Number(refused.retryAfter) });

    // The reader's form says so in place, with JavaScript…
    await reportFromReader(page, 2, "Note 7");
    await expect(page.locator("#u2").getByRole("status")).toHaveText("You have sent several notes in a short time. Please try again in 10 min.");
    // … and on a page of its own without it, in the reader's language.
    const plain = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": address } });
    const plainPage = await plain.newPage();
    await plainPage.goto(`/ja/works/${slug}`);
    await plainPage.locator("#u2").getByText("対応のずれを報告").click();
    await plainPage.getByRole("link", { name: "対応単位 2 について書く" }).click();
    await main(plainPage).getByRole("textbox").fill("メモ");
    await main(plainPage).getByRole("button", { name: "編集者に送る" }).click();
    await expect(plainPage.getByRole("heading", { name: "報告を送信できませんでした" })).toBeVisible();
    await expect(main(plainPage).getByRole("alert")).toContainText("10 分ほどたってから");
    await plain.close();

    // Another sender is not held back.
    const other = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-For": `${address}0` } });
    expect((await other.post("/api/reports", { data: { work: slug, unit: 2, note: "From someone else" } })).status()).toBe(201);
    await other.dispose();
  });

  test("refuse bad input with problem+json, and take the work and unit from the address too", async ({ request }, testInfo) => {
    const slug = await freshWork("bad-reports", testInfo);
    const headers = { "X-Forwarded-For": `192.0.2.${testInfo.project.name === "desktop" ? 30 : 31}` };
    const problem = async (response: Awaited<ReturnType<APIRequestContext["post"]>>) => {
      expect(response.headers()["content-type"]).toBe("application/problem+json; charset=utf-8");
      return response.json();
    };
    let response = await request.post("/api/reports", { headers, form: { work: slug, unit: "2", note: "   " } });
    expect(response.status()).toBe(400);
    expect(await problem(response)).toMatchObject({ status: 400, "invalid-params": [{ name: "note", reason: "must not be empty" }] });
    response = await request.post("/api/reports", { headers, data: { work: slug, unit: 2, note: "x".repeat(1001) } });
    expect(response.status()).toBe(400);
    response = await request.post("/api/reports", { headers, data: { work: slug, unit: 99, note: "Which unit?" } });
    expect(response.status()).toBe(422);
    expect(await problem(response)).toMatchObject({ detail: `The work "${slug}" has no unit 99; its units are numbered 1 to 7.` });
    // The reader's form names the work and unit in the address.
    response = await request.post(`/api/reports?work=${slug}&unit=3&locale=ru`, { headers, form: { note: "Unit 3 looks shifted." } });
    expect(response.status()).toBe(201);
    expect(await response.json()).toMatchObject({ work: slug, unit: 3 });
    response = await request.post("/api/reports", { headers, data: { work: "no-such-work", unit: 1, note: "x" } });
    expect(response.status()).toBe(404);
    response = await request.post("/api/reports", { headers: { ...headers, "Content-Type": "application/json" }, data: "[1, 2]" });
    expect(response.status()).toBe(400);
    response = await request.post("/api/reports", { headers: { ...headers, "Content-Type": "text/plain" }, data: "note" });
    expect(response.status()).toBe(415);
    response = await request.post("/api/reports", { headers: { ...headers, Origin: "https://evil.example" }, form: { work: slug, unit: "2", note: "Spam" } });
    expect(response.status()).toBe(403);
    expect((await request.get("/api/reports")).status()).toBe(405);
    expect(await reportCount(slug)).toBe(1);
  });
});

/** A port nobody listens on. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// Writes to the database; the phone gets its own screenshots below.
test.describe("without the editor's token", { tag: DESKTOP_ONLY }, () => {
  test("a visitor reaches neither the editor nor any of its actions, even with a forged Origin", async ({ playwright, baseURL }, testInfo) => {
    const slug = await freshWork("locked", testInfo);
    const origin = baseURL!;
    const visitor = await playwright.request.newContext({ baseURL });
    const editorPage = await visitor.get(`/en/works/${slug}/align`);
    expect(editorPage.status()).toBe(200);
    const html = await editorPage.text();
    expect(html).toContain("Sign in to edit the alignment");
    expect(html).not.toContain('name="csrf"');
    expect(html).not.toContain("Merge with unit");

    const fields = { unit: "2", version: "1", order: "text", language: "en", direction: "next", reviewed: "true", change: "1", report: "1", "keep-en": "1", "keep-ru": "1", csrf: "guess" };
    for (const action of ACTIONS) {
      for (const headers of [{ Origin: origin }, { Origin: "https://evil.example" }, {}] as Record<string, string>[]) {
        const response = await visitor.post(`/en/works/${slug}/align/${action}`, { headers, form: fields, maxRedirects: 0 });
        expect(response.status(), `${action} with ${JSON.stringify(headers)}`).toBe(403);
      }
    }
    // Sign-in from another site sets nothing, even with the right token.
    const forged = await visitor.post(`/en/works/${slug}/align/sign-in`, { headers: { Origin: "https://evil.example" }, form: { token: E2E_EDITOR_TOKEN }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    expect(forged.headers()["set-cookie"]).toBeUndefined();
    expect((await visitor.post(`/en/works/${slug}/align/delete`, { headers: { Origin: origin }, maxRedirects: 0 })).status()).toBe(404);
    const get = await visitor.get(`/en/works/${slug}/align/merge`);
    expect(get.status()).toBe(405);
    expect(get.headers().allow).toBe("POST");

    // Signed in, a request still needs this site's Origin and the session's CSRF token.
    const editor = await playwright.request.newContext({ baseURL });
    const signedIn = await editor.post(`/en/works/${slug}/align/sign-in`, { headers: { Origin: origin }, form: { token: E2E_EDITOR_TOKEN }, maxRedirects: 0 });
    expect(signedIn.status()).toBe(303);
    const page = await (await editor.get(`/en/works/${slug}/align?order=text`)).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1]!;
    const version = /name="version" value="(\d+)"/.exec(page)![1]!;
    const merge = { unit: "2", version, order: "text", csrf };
    expect((await editor.post(`/en/works/${slug}/align/merge`, { headers: { Origin: "https://evil.example" }, form: merge, maxRedirects: 0 })).status()).toBe(403);
    expect((await editor.post(`/en/works/${slug}/align/merge`, { form: merge, maxRedirects: 0 })).status()).toBe(403);
    expect((await editor.post(`/en/works/${slug}/align/merge`, { headers: { Origin: origin }, form: { ...merge, csrf: `${csrf.startsWith("A") ? "B" : "A"}${csrf.slice(1)}` }, maxRedirects: 0 })).status()).toBe(403);
    expect((await editor.post(`/en/works/${slug}/align/merge`, { headers: { Origin: origin }, form: { ...merge, csrf: "" }, maxRedirects: 0 })).status()).toBe(403);
    // Without a session, or with another editor's session, this CSRF token is refused.
    expect((await visitor.post(`/en/works/${slug}/align/merge`, { headers: { Origin: origin }, form: merge, maxRedirects: 0 })).status()).toBe(403);
    const otherEditor = await playwright.request.newContext({ baseURL });
    await otherEditor.post(`/en/works/${slug}/align/sign-in`, { headers: { Origin: origin }, form: { token: E2E_EDITOR_TOKEN }, maxRedirects: 0 });
    expect((await otherEditor.post(`/en/works/${slug}/align/merge`, { headers: { Origin: origin }, form: merge, maxRedirects: 0 })).status()).toBe(403);
    await otherEditor.dispose();
    expect(await changeCount(slug)).toBe(0);
    // A form that passes the checks but names no unit is refused as bad input, naming the field.
    const invalid = await editor.post(`/en/works/${slug}/align/merge`, { headers: { Origin: origin }, form: { ...merge, unit: "two" }, maxRedirects: 0 });
    expect(invalid.status()).toBe(400);
    expect(await invalid.json()).toMatchObject({ status: 400, "invalid-params": [{ name: "unit", reason: "must be a unit number" }] });
    // The same form with everything right goes through.
    const accepted = await editor.post(`/en/works/${slug}/align/merge`, { headers: { Origin: origin }, form: merge, maxRedirects: 0 });
    expect(accepted.status()).toBe(303);
    expect(accepted.headers().location).toBe(`/en/works/${slug}/align?order=text&unit=2&done=merge#u2`);
    expect(await changeCount(slug)).toBe(1);
    await visitor.dispose();
    await editor.dispose();
  });

  test("with EDITOR_TOKEN unset, the editor page and every action answer 404", async ({ playwright }, testInfo) => {
    test.setTimeout(120_000);
    const slug = await freshWork("off", testInfo);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: E2E_DATABASE_URL, NEXT_TELEMETRY_DISABLED: "1" };
    delete env.EDITOR_TOKEN;
    // The same build, served a second time without the token.
    const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", String(port)], { env, detached: true, stdio: "ignore" });
    try {
      const base = `http://127.0.0.1:${port}`;
      const request = await playwright.request.newContext({ baseURL: base });
      await expect.poll(async () => (await request.get("/en").catch(() => null))?.status(), { timeout: 60_000 }).toBe(200);
      expect((await request.get(`/en/works/${slug}`)).status()).toBe(200);
      expect((await request.get(`/en/works/${slug}/align`)).status()).toBe(404);
      for (const action of ["sign-in", ...ACTIONS]) {
        const response = await request.post(`/en/works/${slug}/align/${action}`, { headers: { Origin: base }, form: { token: E2E_EDITOR_TOKEN }, maxRedirects: 0 });
        expect(response.status(), action).toBe(404);
        expect(response.headers()["set-cookie"]).toBeUndefined();
        expect((await request.get(`/en/works/${slug}/align/${action}`)).status()).toBe(404);
      }
      await request.dispose();
    } finally {
      process.kill(-server.pid!);
    }
  });
});

test.describe("on a phone", () => {
  test.skip(({ isMobile }) => !isMobile, "the desktop tests take the desktop screenshots");

  test("the sign-in form and the editor fit the screen", async ({ page }, testInfo) => {
    // The article itself, only read: signing in and looking change nothing.
    await page.goto("/en/works/streltsov-2018/align");
    await expect(page.getByRole("heading", { name: "Sign in to edit the alignment" })).toBeVisible();
    await page.screenshot({ path: screenshotPath("editor-sign-in", testInfo) });
    await page.getByLabel("Editor token").fill(E2E_EDITOR_TOKEN);
    await act(page, page.getByRole("button", { name: "Sign in" }));
    await act(page, page.getByRole("link", { name: "In text order" }));
    await expect(rows(page)).toHaveCount(50);
    await page.screenshot({ path: screenshotPath("editor", testInfo) });
    await expect(page.getByText("Page 1 of 2")).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await row(page, 2).getByText("Split…").click();
    await expect(row(page, 2).getByRole("button", { name: "Split the unit" })).toBeVisible();
    await page.screenshot({ path: screenshotPath("editor-split", testInfo) });
  });
});
