import { readFileSync } from "node:fs";
import { expect as baseExpect, test, type Download, type Locator, type Page } from "@playwright/test";
import { loadWork } from "@/lib/content/load";
import { hasFaces } from "@/lib/glossary/cards";
import { ENTRY_COLUMNS } from "@/lib/glossary/export";
import { indexKeys, type IndexScript } from "@/lib/glossary/index-letters";
import { GLOSSARY_CATEGORIES } from "@/lib/glossary/schema";
import { parseDelimited } from "../unit/glossary/delimited";
import { parseTbx, tbxProblems } from "../unit/glossary/tbx-structure";
import { accessibilityViolations, screenshotPath } from "./support";
import { DESKTOP_ONLY } from "../../playwright.config";

// The machine these run on is shared with other builds and test runs: give answers time.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 90_000 });

const glossary = loadWork("content/streltsov-2018").glossary;
const READER = "/en/works/streltsov-2018";

/** The keys of the list items the page shows (not hidden). */
async function shownKeys(page: Page): Promise<string[]> {
  return page.locator("[data-glossary-item]:visible").evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.entryKey!).sort());
}

const sorted = (keys: string[]) => [...keys].sort();

async function noAccessibilityViolations(page: Page) {
  // The site footer belongs to the layout, not to these pages.
  expect(await accessibilityViolations(page, { exclude: ["body > footer"] })).toEqual([]);
}

test.describe("the term popover in the reader", () => {
  // The reader renders a term as any focusable element with data-entry (a button, or role="button").
  const term = (page: Page, key: string, language = "en") => page.locator(`.cell[lang="${language}"] [data-entry="${key}"]`).first();
  const popover = (page: Page) => page.locator("#term-popover");
  const field = (page: Page, name: string) => popover(page).locator(`[data-field="${name}"] dd`);

  /** Clicks a term until its popover opens: a click before the page has hydrated finds no listener yet. */
  async function open(page: Page, term: Locator) {
    await term.scrollIntoViewIfNeeded();
    await expect(async () => {
      if (await popover(page).isHidden()) await term.click();
      await baseExpect(popover(page)).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
  }

  test("opens on a click with every field of the entry, and Escape closes it and returns focus", async ({ page }, testInfo) => {
    await page.goto(READER);
    const chiho = term(page, "chiho-sosei");
    await expect(chiho).toHaveAttribute("aria-expanded", "false");
    await open(page, chiho);

    const dialog = page.getByRole("dialog", { name: "chihō sōsei" });
    await expect(dialog).toBeVisible();
    await expect(chiho).toHaveAttribute("aria-expanded", "true");
    await expect(chiho).toHaveAttribute("aria-controls", "term-popover");
    await expect(dialog).toBeFocused();
    // Opening keeps the reading position: the term stays in sight, the popover beside it.
    await expect(chiho).toBeInViewport();
    await expect(field(page, "en")).toHaveText("chihososei");
    await expect(field(page, "hepburn")).toHaveText("chihō sōsei");
    await expect(field(page, "kanji")).toHaveText("地方創生");
    await expect(field(page, "kana")).toHaveText("ちほうそうせい");
    await expect(field(page, "ru")).toHaveText("тихо сосэй");
    await expect(field(page, "polivanov")).toHaveText("тихо: со:сэй");
    await expect(field(page, "polivanovRunning")).toHaveText("тихо сосэй");
    await expect(field(page, "pos")).toHaveText("noun phrase");
    await expect(dialog.getByText("Japanese term", { exact: true })).toBeVisible();
    await expect(field(page, "glossEn")).toHaveText("revitalisation of the regions");
    await expect(field(page, "glossRu")).toHaveText("возрожде́ние регио́нов");
    await expect(field(page, "context")).toContainText("Abe's slogan, from 2014");
    await expect(field(page, "kanji").locator("[lang]")).toHaveAttribute("lang", "ja");
    await expect(field(page, "polivanov").locator("[lang]")).toHaveAttribute("lang", "ja-Cyrl");
    await expect(field(page, "related").getByRole("link", { name: "Abenomics" })).toHaveAttribute("href", "/en/glossary/abenomics");
    await expect(dialog.getByRole("link", { name: "Open the entry with every occurrence" })).toHaveAttribute("href", "/en/glossary/chiho-sosei");
    await expect(dialog).toBeInViewport({ ratio: 0.9 });
    await page.screenshot({ path: screenshotPath("glossary-popover", testInfo) });

    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(chiho).toBeFocused();
    await expect(chiho).toHaveAttribute("aria-expanded", "false");
  });

  test("shows romanisations and the reference of a cited source, and toggles on a second click", async ({ page }) => {
    await page.goto(READER);
    const gazeta = term(page, "rossiyskaya-gazeta");
    await open(page, gazeta);
    await expect(field(page, "romanized")).toHaveText("Rossiĭskai͡a gazeta");
    await expect(field(page, "journalistic")).toHaveText("Rossiyskaya gazeta");
    await expect(field(page, "ru")).toHaveText("Росси́йская газе́та");
    await gazeta.click();
    await expect(popover(page)).toBeHidden();
    await expect(gazeta).toHaveAttribute("aria-expanded", "false");

    await open(page, term(page, "title-batin-2017"));
    await expect(field(page, "reference").getByRole("link")).toHaveCount(2);
    await expect(field(page, "reference").getByRole("link").first()).toHaveAttribute("href", /^\/en\/works\/streltsov-2018#en-\d+$/);
  });

  test("opens as a preview on keyboard focus; Enter moves into it, Tab past its end and Escape come back to the term", async ({ page }) => {
    await page.goto(READER);
    const first = term(page, "hikiwake");
    // Once a click has opened and Escape closed a popover, the page is hydrated and listens for focus too.
    await open(page, first);
    await page.keyboard.press("Escape");
    await expect(popover(page)).toBeHidden();
    // The paragraph number link comes just before the paragraph's text in the tab order.
    const paragraph = first.locator("xpath=ancestor::*[contains(@class,'para')][1]");
    const before = await paragraph.evaluate((element) => {
      const focusable = [...element.querySelectorAll<HTMLElement>('a[href], button, [tabindex="0"]')];
      const term = element.querySelector('[data-entry="hikiwake"]')!;
      const index = focusable.indexOf(term as HTMLElement);
      focusable[index - 1]!.setAttribute("data-test-before", "");
      return index - 1;
    });
    expect(before).toBeGreaterThanOrEqual(0);
    await page.locator("[data-test-before]").focus();
    await page.keyboard.press("Tab");
    await expect(first).toBeFocused();
    await expect(first).toHaveAttribute("aria-expanded", "true");
    const dialog = page.getByRole("dialog", { name: "hikiwake" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute("data-mode", "preview");
    await expect(field(page, "kanji")).toHaveText("引き分け");
    await expect(field(page, "glossRu")).toHaveText("ничья́");

    await page.keyboard.press("Enter");
    await expect(dialog).toHaveAttribute("data-mode", "active");
    await expect(dialog).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
    const links = await dialog.getByRole("link").count();
    for (let i = 0; i < links; i += 1) await page.keyboard.press("Tab");
    await expect(dialog.getByRole("link").last()).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(dialog).toBeHidden();
    await expect(first).toBeFocused();
    await expect(first).toHaveAttribute("aria-expanded", "false");

    await page.keyboard.press("Enter");
    await expect(dialog).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(first).toBeFocused();
  });

  test("opens on the Russian side too, and is a sheet along the bottom of a phone", async ({ page }, testInfo) => {
    await page.goto(READER);
    const russian = term(page, "hikiwake", "ru");
    await open(page, russian);
    const dialog = page.getByRole("dialog", { name: "hikiwake" });
    await expect(dialog).toBeVisible();
    await expect(field(page, "ru").locator("[lang]")).toHaveText("хикиваке");
    const box = (await dialog.boundingBox())!;
    const viewport = page.viewportSize()!;
    if (testInfo.project.name === "phone") {
      expect(Math.round(box.y + box.height)).toBe(viewport.height);
      expect(Math.round(box.width)).toBe(viewport.width);
    } else {
      const anchor = (await russian.boundingBox())!;
      expect(Math.abs(box.y - (anchor.y + anchor.height)) < 20 || Math.abs(box.y + box.height - anchor.y) < 20).toBe(true);
    }
    // Pressing anywhere outside the popover and the terms closes it.
    await page.locator(".work-head").dispatchEvent("pointerdown");
    await expect(dialog).toBeHidden();
  });
});

test.describe("the glossary list", () => {
  test("lists every entry and filters by each category", async ({ page }, testInfo) => {
    await page.goto("/en/glossary");
    await expect(page).toHaveTitle(/Glossary/);
    await expect(page.getByRole("heading", { level: 1, name: "Glossary" })).toBeVisible();
    await expect(page.locator("#glossary-count")).toHaveText(`${glossary.length} entries`);
    await expect.poll(() => shownKeys(page)).toEqual(sorted(glossary.map((entry) => entry.id)));
    await page.screenshot({ path: screenshotPath("glossary-list", testInfo) });
    await noAccessibilityViolations(page);

    for (const category of GLOSSARY_CATEGORIES) {
      await page.getByTestId(`category-${category}`).click();
      await expect(page).toHaveURL(new RegExp(`category=${category}`));
      const expected = glossary.filter((entry) => entry.category === category).map((entry) => entry.id);
      await expect(page.locator("#glossary-count")).toHaveText(`${expected.length} ${expected.length === 1 ? "entry" : "entries"}`);
      await expect.poll(() => shownKeys(page)).toEqual(sorted(expected));
      await expect(page.getByTestId(`category-${category}`)).toHaveAttribute("aria-current", "true");
    }
    await page.getByTestId("category-all").click();
    await expect(page).toHaveURL(/\/en\/glossary$/);
    await expect(page.locator("#glossary-count")).toHaveText(`${glossary.length} entries`);
    await expect.poll(() => shownKeys(page)).toHaveLength(glossary.length);
  });

  for (const [script, label, letter] of [
    ["latin", "A–Z (English, Hepburn)", "A"],
    ["cyrillic", "А–Я (Russian)", "Х"],
    ["kana", "あ–ん (kana, by gojūon row)", "は"],
  ] as [IndexScript, string, string][]) {
    test(`has the ${label} index`, { tag: DESKTOP_ONLY }, async ({ page }) => {
      await page.goto("/en/glossary");
      const index = page.getByRole("navigation", { name: label });
      await expect(index).toBeVisible();
      // Every letter that files an entry is a link, with the entries counted.
      for (const key of new Set(glossary.flatMap((entry) => indexKeys(entry, script)))) {
        const count = glossary.filter((entry) => indexKeys(entry, script).includes(key)).length;
        await expect(index.getByRole("link", { name: `${key}: ${count} ${count === 1 ? "entry" : "entries"}` })).toBeVisible();
      }
      await index.getByRole("link", { name: new RegExp(`^${letter}:`) }).click();
      await expect(page).toHaveURL(new RegExp(`letter=${encodeURIComponent(letter)}`));
      await expect.poll(() => shownKeys(page)).toEqual(sorted(glossary.filter((entry) => indexKeys(entry, script).includes(letter)).map((entry) => entry.id)));
      if (script === "kana") await expect.poll(() => shownKeys(page)).toContain("hikiwake");
    });
  }

  test("the filter box finds an entry in any script as one types", { tag: DESKTOP_ONLY }, async ({ page }) => {
    await page.goto("/en/glossary");
    const box = page.getByRole("searchbox", { name: "Find an entry" });
    for (const query of ["хикиваке", "hikiwake", "引き分け"]) {
      // Typed again until the page has hydrated and the list answers.
      await expect(async () => {
        await box.fill(query);
        baseExpect(await shownKeys(page)).toEqual(["hikiwake"]);
      }).toPass({ timeout: 30_000 });
      await expect(page.locator("#glossary-count")).toHaveText("1 entry");
      await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(query).replace(/%20/g, "\\+")}`));
    }
    await box.fill("no such thing at all");
    await expect(page.locator("#glossary-count")).toHaveText("No entry matches");
    await expect(page.locator("[data-glossary-group]:visible")).toHaveCount(0);
    await box.fill("");
    await expect.poll(() => shownKeys(page).then((keys) => keys.length)).toBe(glossary.length);
  });

  test("the filter works without JavaScript, as a GET form", { tag: DESKTOP_ONLY }, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const query of ["хикиваке", "hikiwake", "引き分け"]) {
      await page.goto("/en/glossary");
      await page.getByRole("searchbox", { name: "Find an entry" }).fill(query);
      await page.getByRole("button", { name: "Find" }).click();
      await expect(page).toHaveURL(/\/en\/glossary\?q=/);
      await expect.poll(() => shownKeys(page)).toEqual(["hikiwake"]);
      await expect(page.locator("#glossary-count")).toHaveText("1 entry");
    }
    await page.goto("/en/glossary?category=person&q=abe");
    await expect.poll(() => shownKeys(page)).toEqual(["abe-shinzo"]);
    await context.close();
  });

  test("speaks Russian and Japanese", { tag: DESKTOP_ONLY }, async ({ page }) => {
    await page.goto("/ru/glossary");
    await expect(page.getByRole("heading", { level: 1, name: "Глоссарий" })).toBeVisible();
    await expect(page.locator("#glossary-count")).toHaveText(`${glossary.length} статья`);
    await expect(page.getByRole("navigation", { name: "Категории" }).getByRole("link", { name: /Японские термины/ })).toBeVisible();
    await expect(async () => {
      await page.getByRole("searchbox", { name: "Найти статью" }).fill("ничья");
      await baseExpect(page.locator("#glossary-count")).toHaveText("1 статья", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await page.goto("/ja/glossary");
    await expect(page.getByRole("heading", { level: 1, name: "用語集" })).toBeVisible();
    await expect(page.locator("#glossary-count")).toHaveText(`${glossary.length}件`);
    await expect(page.getByRole("navigation", { name: "あ–ん（かな・五十音の行）" })).toBeVisible();
    await page.getByRole("link", { name: "用語集" }).first().click();
    await expect(page).toHaveURL(/\/ja\/glossary$/);
  });
});

test.describe("a glossary entry", () => {
  test("shows every field and a concordance whose lines lead to the reader", async ({ page }, testInfo) => {
    await page.goto("/en/glossary/hikiwake");
    await expect(page).toHaveTitle(/hikiwake/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("hikiwake");
    const value = (name: string) => page.locator(`[data-field="${name}"] dd`);
    await expect(value("kanji")).toHaveText("引き分け");
    await expect(value("kana")).toHaveText("ひきわけ");
    await expect(value("ru")).toContainText("хикиваке");
    await expect(value("ru")).toContainText("established spelling");
    await expect(value("polivanov")).toHaveText("хикивакэ");
    await expect(value("glossEn")).toHaveText("a draw, a drawn bout or game");
    await expect(value("contextRu")).toContainText("Термин дзюдо");

    const lines = page.locator("[data-concordance-line]");
    await expect(lines).toHaveCount(2);
    await expect(page.locator('[data-language="en"] mark')).toHaveText("hikiwake");
    await expect(page.locator('[data-language="ru"] mark')).toHaveText("хикиваке");
    await page.screenshot({ path: screenshotPath("glossary-entry", testInfo), fullPage: true });
    await noAccessibilityViolations(page);

    const english = page.locator('[data-language="en"] [data-concordance-line] a');
    const target = (await english.getAttribute("href"))!;
    expect(target).toMatch(/^\/en\/works\/streltsov-2018#en-\d+$/);
    await english.click();
    await expect(page).toHaveURL(new RegExp(`${target}$`));
    const paragraph = page.locator(`#${target.split("#")[1]}`);
    await expect(paragraph).toBeInViewport();
    await expect(paragraph.locator('[data-entry="hikiwake"]')).toBeVisible();
  });

  test("links its cross-references and shows the aligned sentence where an edition does not use the term", { tag: DESKTOP_ONLY }, async ({ page }) => {
    await page.goto("/en/glossary/hikiwake");
    await page.locator('[data-field="related"]').getByRole("link", { name: "Shinzo Abe" }).click();
    await expect(page).toHaveURL(/\/en\/glossary\/abe-shinzo$/);
    const rows = page.locator("[data-unit]");
    expect(await rows.count()).toBeGreaterThan(5);
    await expect(rows.first().getByRole("link", { name: /^Unit \d+$/ })).toHaveAttribute("href", /^\/en\/works\/streltsov-2018#u\d+$/);
    await expect(page.locator("[data-concordance-line] mark").first()).toBeVisible();
    const unitLink = rows.first().getByRole("link", { name: /^Unit \d+$/ });
    const unit = (await unitLink.getAttribute("href"))!.split("#")[1]!;
    await unitLink.click();
    await expect(page.locator(`#${unit}`)).toBeInViewport();
  });

  test("answers an unknown entry with the not-found page", { tag: DESKTOP_ONLY }, async ({ page }) => {
    const response = await page.goto("/en/glossary/no-such-entry");
    expect(response?.status()).toBe(404);
  });
});

test.describe("studying with flashcards", () => {
  const deck = glossary.filter((entry) => entry.category === "japanese-term").sort((a, b) => a.id.localeCompare(b.id));

  test("reveals, rates, moves on, and keeps the progress across a reload", async ({ page }, testInfo) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto("/en/glossary/study?deck=category:japanese-term&front=en&back=ru");
    await expect(page.getByTestId("deck-summary")).toHaveText(`${deck.length} cards: English → Russian`);
    const card = page.locator("[data-card]");
    const count = (name: string) => page.locator(`[data-count="${name}"]`);
    await expect(count("new")).toHaveText(String(deck.length));
    await expect(count("reviewed")).toHaveText("0");
    await expect(card).toHaveAttribute("data-card", `streltsov-2018/${deck[0]!.id}/en>ru`);
    await expect(card.locator('[data-side="front"]')).toHaveText(deck[0]!.en[0]!);
    await expect(card.locator('[data-side="back"]')).toHaveCount(0);

    await page.locator("body").press("Space");
    await expect(card).toHaveAttribute("data-revealed", "true");
    await expect(card.locator('[data-side="back"]')).toHaveText(deck[0]!.ru!);
    const answer = card.locator('[data-side="back"]').locator("..");
    expect(await answer.evaluate((element) => getComputedStyle(element).transitionProperty)).toBe("none");
    for (const name of ["Again", "Hard", "Good", "Easy"]) await expect(page.getByRole("button", { name: new RegExp(name) })).toBeInViewport();
    await page.screenshot({ path: screenshotPath("glossary-flashcard", testInfo) });

    await page.keyboard.press("3");
    await expect(card).toHaveAttribute("data-card", `streltsov-2018/${deck[1]!.id}/en>ru`);
    await expect(card).toHaveAttribute("data-revealed", "false");
    await expect(count("reviewed")).toHaveText("1");

    await page.keyboard.press("Enter");
    await expect(card).toHaveAttribute("data-revealed", "true");
    await page.getByRole("button", { name: /Easy/ }).click();
    await expect(card).toHaveAttribute("data-card", `streltsov-2018/${deck[2]!.id}/en>ru`);
    await expect(count("reviewed")).toHaveText("2");
    await expect(count("new")).toHaveText(String(deck.length - 2));

    await page.reload();
    await expect(count("reviewed")).toHaveText("2");
    await expect(count("new")).toHaveText(String(deck.length - 2));
    await expect(card).toHaveAttribute("data-card", `streltsov-2018/${deck[2]!.id}/en>ru`);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("parallel-reader.glossary-study.v1")!));
    expect(Object.keys(stored.cards).sort()).toEqual([deck[0], deck[1]].map((entry) => `streltsov-2018/${entry!.id}/en>ru`).sort());
    await noAccessibilityViolations(page);
  });

  test("studies the terms of one section in a chosen direction, kanji → Polivanov", { tag: DESKTOP_ONLY }, async ({ page }) => {
    await page.goto("/en/glossary/study");
    await page.getByRole("combobox", { name: "Cards" }).selectOption({ label: "§2. Mutual loss of hopes and illusions" });
    await page.getByRole("combobox", { name: "Question" }).selectOption("kanji");
    await page.getByRole("combobox", { name: "Answer" }).selectOption("polivanov");
    await page.getByRole("button", { name: "Study" }).click();
    await expect(page).toHaveURL(/deck=section%3Astreltsov-2018%3A2&front=kanji&back=polivanov/);
    const front = page.locator('[data-side="front"]');
    await expect(front).toHaveAttribute("lang", "ja");
    const kanji = (await front.textContent())!;
    const entry = glossary.find((candidate) => candidate.kanji === kanji)!;
    await page.locator("body").press("Space");
    await expect(page.locator('[data-side="back"]')).toHaveText(entry.polivanov!);
    await expect(page.locator('[data-side="back"]')).toHaveAttribute("lang", "ja-Cyrl");
  });
});

test.describe("the glossary's files", { tag: DESKTOP_ONLY }, () => {
  async function download(page: Page, link: Locator): Promise<{ download: Download; text: string }> {
    const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
    return { download: file, text: readFileSync((await file.path())!, "utf8") };
  }

  test("downloads the cards for Anki and as CSV, and the whole glossary as TBX, each parsing back", async ({ page }) => {
    await page.goto("/en/glossary");
    const cards = glossary.filter((entry) => hasFaces(entry, { front: "en", back: "ru" }));

    const tsv = await download(page, page.locator('[data-download="tsv"]'));
    expect(tsv.download.suggestedFilename()).toBe("glossary-all-en-ru.tsv");
    const lines = tsv.text.split("\n");
    expect(lines.slice(0, 2)).toEqual(["#separator:tab", "#html:false"]);
    const columns = lines.find((line) => line.startsWith("#columns:"))!.slice(9).split("\t");
    const rows = parseDelimited(lines.filter((line) => !line.startsWith("#")).join("\n"), "\t", "\n");
    expect(rows).toHaveLength(cards.length);
    const hikiwake = rows.find((row) => row[columns.indexOf("id")] === "hikiwake")!;
    expect(hikiwake[columns.indexOf("kanji")]).toBe("引き分け");
    expect(hikiwake[columns.indexOf("glossRu")]).toBe("ничья́");

    const csv = await download(page, page.locator('[data-download="csv"]'));
    expect(csv.download.suggestedFilename()).toBe("glossary-all-en-ru.csv");
    expect(csv.text.startsWith("\uFEFF")).toBe(true);
    const [header, ...records] = parseDelimited(csv.text.slice(1), ",", "\r\n");
    expect(header).toEqual(["front", "back", "work", ...ENTRY_COLUMNS]);
    expect(records.map((record) => record[header!.indexOf("id")]).sort()).toEqual(cards.map((entry) => entry.id).sort());

    const tbx = await download(page, page.locator('[data-download="tbx"]'));
    expect(tbx.download.suggestedFilename()).toBe("glossary.tbx");
    const { root } = parseTbx(tbx.text);
    expect(tbxProblems(root)).toEqual([]);
    const concepts = root.children[1]!.children[0]!.children;
    expect(concepts).toHaveLength(glossary.length);
    const xref = concepts[0]!.children.find((child) => child.name === "xref")!;
    expect(xref.attributes.target).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/en\/glossary\//);
  });

  test("exports the cards of a category in the chosen direction, and refuses bad parameters with a JSON problem", async ({ request }) => {
    const response = await request.get("/en/glossary/export.tsv?deck=category:japanese-term&front=kanji&back=polivanov");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toContain("glossary-category-japanese-term-kanji-polivanov.tsv");
    const rows = parseDelimited((await response.text()).split("\n").filter((line) => !line.startsWith("#")).join("\n"), "\t", "\n");
    const expected = glossary.filter((entry) => entry.category === "japanese-term" && entry.kanji).sort((a, b) => a.id.localeCompare(b.id));
    expect(rows.map((row) => [row[0], row[1]])).toEqual(expected.map((entry) => [entry.kanji, entry.polivanov]));

    for (const bad of ["/en/glossary/export.csv?deck=everything", "/en/glossary/export.csv?front=en&back=en", "/en/glossary/export.tsv?front=klingon", "/en/glossary/export.tbx?work=Bad%20Slug"]) {
      const refused = await request.get(bad);
      expect(refused.status(), bad).toBe(400);
      expect(refused.headers()["content-type"]).toContain("application/problem+json");
      expect((await refused.json()).detail).toBeTruthy();
    }
    expect((await request.get("/en/glossary/export.tbx?work=no-such-work")).status()).toBe(404);
  });

  test("serves the popover's entry as cacheable JSON", async ({ request }) => {
    const response = await request.get("/en/glossary/hikiwake/card.json?work=streltsov-2018");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toContain("public");
    const etag = response.headers().etag!;
    const card = await response.json();
    expect(card.entry.kanji).toBe("引き分け");
    expect(card.links.entry).toBe("/en/glossary/hikiwake");
    expect((await request.get("/en/glossary/hikiwake/card.json?work=streltsov-2018", { headers: { "If-None-Match": etag } })).status()).toBe(304);
    expect((await request.get("/en/glossary/nothing/card.json?work=streltsov-2018")).status()).toBe(404);
    expect((await request.get("/en/glossary/hikiwake/card.json")).status()).toBe(400);
  });
});
