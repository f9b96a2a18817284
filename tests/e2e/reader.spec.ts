import { expect, test } from "@playwright/test";
import { loadWork } from "@/lib/content/load";
import { WORKS_PER_PAGE } from "@/lib/db/catalog";
import { SHELF_VOLUMES, shelfTitle } from "./global-setup";
import { screenshotPath } from "./support";
import { DESKTOP_ONLY } from "../../playwright.config";

const article = loadWork("content/streltsov-2018");
/** The shelf's volume numbers by title. */
const SHELF_VOLUMES_BY_TITLE = new Map(Array.from({ length: SHELF_VOLUMES }, (_, i) => [shelfTitle(i + 1), i + 1]));

test.describe("the reader", () => {
  test("shows every unit with both editions, paragraph against paragraph", async ({ page }, testInfo) => {
    await page.goto("/en/works/streltsov-2018");
    await expect(page).toHaveTitle(/Russian-Japanese relations/);

    const units = page.locator('[id^="u"].unit');
    await expect(units).toHaveCount(article.units.length);

    const numbers = (lang: string) =>
      page.locator(`.unit > .cell[lang="${lang}"] .para`).evaluateAll((paragraphs) => paragraphs.map((paragraph) => paragraph.id));
    const expected = (lang: string) => article.units.flatMap((unit) => unit.paragraphs[lang]!.map((id) => `${lang}-${id}`));
    expect(await numbers("en")).toEqual(expected("en"));
    expect(await numbers("ru")).toEqual(expected("ru"));

    for (const unit of [1, 10, 40, 63]) {
      const row = page.locator(`#u${unit}`);
      await expect(row.locator('.cell[lang="en"] .para')).toHaveAttribute("id", `en-${unit}`);
      await expect(row.locator('.cell[lang="ru"] .para')).toHaveAttribute("id", `ru-${unit}`);
    }

    await expect(page.locator("#en-1 h1")).toHaveText("Russian-Japanese relations: Systemic crisis or new opportunities?");
    await expect(page.locator("#ru-1 h1")).toHaveText("Российско-японские отношения: системный кризис или новые возможности?");
    await expect(page.locator("#en-10")).toContainText("preventing Moscow's excessive shift to Beijing");
    await expect(page.locator('.cell[lang="en"] h2')).toHaveCount(5);
    await expect(page.locator('.cell[lang="ru"] h2')).toHaveCount(5);

    await page.screenshot({ path: screenshotPath("reader", testInfo), fullPage: false });
  });

  test("says above the Russian column that the text is the project's translation", async ({ page }) => {
    for (const [locale, phrase] of [
      ["en", "project's own translation"],
      ["ru", "собственный перевод проекта"],
      ["ja", "本プロジェクトが独自に訳したもの"],
    ] as const) {
      await page.goto(`/${locale}/works/streltsov-2018`);
      const notice = page.getByRole("note").filter({ hasText: phrase });
      await expect(notice).toBeVisible();
      await expect(notice).toContainText("70–85");
      const noticeBox = (await notice.boundingBox())!;
      const firstRussianParagraph = (await page.locator("#ru-1").boundingBox())!;
      expect(noticeBox.y).toBeLessThan(firstRussianParagraph.y);
    }
  });

  test("links in-text citations to their reference entry", { tag: DESKTOP_ONLY }, async ({ page }) => {
    await page.goto("/en/works/streltsov-2018");
    const citation = page.locator("#en-35").getByRole("link", { name: "[Batin Yu. 2017]" });
    const target = await citation.getAttribute("href");
    expect(target).toMatch(/^#en-\d+$/);
    await expect(page.locator(target!)).toContainText("Batin Yu. (2017)");
    await expect(page.locator("#ru-35").getByRole("link", { name: /Батин/ })).toHaveAttribute("href", target!.replace("en", "ru"));
  });

  test("shows unknown bibliographic facts as unknown", { tag: DESKTOP_ONLY }, async ({ page }) => {
    await page.goto("/en/works/streltsov-2018");
    const fact = (edition: string, label: string) => page.locator(`[data-edition="${edition}"] dt:text-is("${label}") + dd`);
    await expect(fact("en", "Volume")).toHaveText("not known");
    await expect(fact("en", "DOI")).toHaveText("not known");
    await expect(fact("en", "Pages")).toHaveText("not known");
    await expect(fact("ru", "Pages")).toHaveText("70–85");
    await expect(fact("ru", "DOI")).toHaveText("not known");
  });

  test("shows markup and script in content as text", { tag: DESKTOP_ONLY }, async ({ page }) => {
    await page.goto("/en/works/hostile-markup");
    await expect(page.locator("#en-1")).toContainText("<script>window.__injected = true</script> Hostile markup");
    await expect(page.locator("#en-2")).toContainText('<a href="javascript:alert(1)">this anchor</a>');
    await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
    await expect(page.locator("#u3 .cell[lang='ru']")).toContainText("—");
  });
});

test.describe("the works list and the locales", () => {
  test("lists the article with both editions", async ({ page }, testInfo) => {
    await page.goto("/en");
    const item = page.getByRole("listitem").filter({ hasText: "Russian-Japanese relations" });
    await expect(item).toContainText("Russian Japanology Review, 2018");
    await expect(item).toContainText("Project translation");
    await page.screenshot({ path: screenshotPath("home", testInfo) });
    await item.getByRole("link", { name: /Russian-Japanese relations/ }).click();
    await expect(page).toHaveURL(/\/en\/works\/streltsov-2018$/);
  });

  test("serves each page of the list at its public address, and no page past the last", { tag: DESKTOP_ONLY }, async ({ request }) => {
    for (const path of ["/en", "/en?page=1", "/en?page=first"]) {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain("Russian-Japanese relations");
      // The alternate-language links name the address asked for, not the cached page's own.
      expect(response.headers().link).toContain('/ru>; rel="alternate"; hreflang="ru"');
    }
    // The global setup's shelf fills three pages; the editor's tests may add a few works, never a fourth page.
    expect((await request.get("/en?page=4")).status()).toBe(404);
  });

  test("pages through the works by title, the pager naming each page", async ({ page }, testInfo) => {
    const pager = page.getByRole("navigation", { name: "Pages of the list of works" });
    const titles = page.locator("main li > h2");
    const volumes = async () => (await titles.allInnerTexts()).map((title) => SHELF_VOLUMES_BY_TITLE.get(title));

    await page.goto("/en?page=2");
    await expect(titles).toHaveCount(WORKS_PER_PAGE);
    await expect(pager.getByRole("link")).toHaveText(["Previous page", "1", "2", "3", "Next page"]);
    await expect(pager.locator('[aria-current="page"]')).toHaveText("2");
    await expect(pager.getByRole("link", { name: "Page 3 of 3" })).toBeVisible();
    await pager.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath("works-page-2", testInfo) });
    // The whole page is volumes of the shelf, in order, with none left out: the works come by title.
    const second = await volumes();
    expect(second).toEqual(Array.from({ length: WORKS_PER_PAGE }, (_, i) => second[0]! + i));

    await pager.getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(/\/en\?page=3$/);
    await expect(pager.locator('[aria-current="page"]')).toHaveText("3");
    await expect(pager.getByRole("link")).toHaveText(["Previous page", "1", "2", "3"]);
    // The third page goes on where the second ended, and ends with the shelf's last volume or the works after it.
    const third = await volumes();
    expect(third[0]).toBe(second.at(-1)! + 1);
    expect(third).toContain(SHELF_VOLUMES);

    await pager.getByRole("link", { name: "Page 1 of 3" }).click();
    await expect(page).toHaveURL(/\/en$/);
    await expect(pager.getByRole("link")).toHaveText(["1", "2", "3", "Next page"]);
    expect((await volumes()).at(-1)).toBe(second[0]! - 1);
  });

  test("names its public address as canonical, not the cached page's own", { tag: DESKTOP_ONLY }, async ({ page }) => {
    await page.goto("/ru?page=1");
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/ru$/);
  });

  test("redirects / by Accept-Language", { tag: DESKTOP_ONLY }, async ({ request }) => {
    for (const [header, locale] of [
      ["ru-RU,ru;q=0.9", "ru"],
      ["ja", "ja"],
      ["de-DE", "en"],
    ] as const) {
      const response = await request.get("/", { headers: { "accept-language": header }, maxRedirects: 0 });
      expect(response.status()).toBe(307);
      expect(response.headers().location).toMatch(new RegExp(`/${locale}$`));
    }
  });

  test("sets the document language and loads the fonts for every script", { tag: DESKTOP_ONLY }, async ({ page }) => {
    await page.goto("/ja/works/streltsov-2018");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(page.locator(".cell[lang='ru']").first()).toBeVisible();
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((font) => font.status === "loaded").map((font) => font.family.replaceAll('"', ""));
    });
    expect(fonts).toEqual(expect.arrayContaining(["Source Serif 4 Variable", "Noto Sans JP Variable"]));
  });

  test("answers an unknown work with 404", { tag: DESKTOP_ONLY }, async ({ page }) => {
    const response = await page.goto("/en/works/no-such-work");
    expect(response?.status()).toBe(404);
  });
});
