import { expect, test } from "@playwright/test";
import { openReader } from "./reader-support";
import { accessibilityViolations, screenshotPath } from "./support";
import { DESKTOP_ONLY } from "../../playwright.config";

test.describe("search", () => {
  test("the / key focuses the header's search box, which suggests as you type", async ({ page }, testInfo) => {
    // A key pressed before the page has hydrated finds no listener yet.
    await openReader(page);
    const box = page.getByRole("combobox", { name: "Search the texts" });
    await page.locator("body").press("/");
    await expect(box).toBeFocused();
    await expect(box).toHaveValue("");

    await box.pressSequentially("санкц", { delay: 30 });
    const list = page.getByRole("listbox", { name: "Suggestions" });
    // The first answer of a freshly started server can take a while on a busy machine.
    await expect(list).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole("status")).toHaveText(/\d+ suggestions/);
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expect(list.getByRole("option", { name: "санкции", exact: true })).toBeVisible();
    await expect(list.getByRole("option").filter({ hasText: "Glossary" }).first()).toContainText("sanctions");
    await page.screenshot({ path: screenshotPath("search-suggestions", testInfo) });
    expect(await accessibilityViolations(page, { include: ["header"] })).toEqual([]);

    await box.press("ArrowDown");
    await expect(box).toHaveAttribute("aria-activedescendant", /option-0$/);
    await box.press("Escape");
    await expect(box).toHaveAttribute("aria-expanded", "false");

    await box.fill("");
    await box.pressSequentially("мирный дог", { delay: 30 });
    const completion = list.getByRole("option", { name: /^мирный догов/ }).first();
    await expect(completion).toBeVisible();
    const chosen = (await completion.textContent())!;
    const options = list.getByRole("option");
    const index = (await options.allTextContents()).indexOf(chosen);
    for (let i = 0; i <= index; i += 1) await box.press("ArrowDown");
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/en/search\\?q=${encodeURIComponent(chosen).replace(/%20/g, "(%20|\\+)")}`));
    await expect(page.locator('[lang="ru"] mark').first()).toBeVisible();
  });

  test("does not steal / from a text field", { tag: DESKTOP_ONLY }, async ({ page }) => {
    await page.goto("/en/search?q=Japan");
    // Before the page has hydrated no listener could take the key: "/" is first seen to reach the header's box.
    const box = page.getByRole("combobox", { name: "Search the texts" });
    await expect(async () => {
      await page.locator("body").press("/");
      await expect(box).toBeFocused({ timeout: 500 });
    }).toPass();
    const field = page.getByRole("searchbox", { name: "Search the texts" }).last();
    await field.fill("");
    await field.press("/");
    await expect(field).toHaveValue("/");
  });

  test("shows each hit's unit with both editions, the matches marked, and the counts", async ({ page, isMobile }, testInfo) => {
    await page.goto(`/en/search?q=${encodeURIComponent("санкции")}`);
    await expect(page).toHaveTitle(/“санкции”: search/);
    await expect(page.getByTestId("search-total")).toHaveText(/Results: \d+ passages/);
    const marked = await page.locator('.cell[lang="ru"] mark').allTextContents();
    expect(marked.map((word) => word.toLowerCase())).toEqual(expect.arrayContaining(["санкций", "санкциями"]));
    // The English counterpart stands beside every Russian hit.
    const hits = page.locator("li.unit");
    await expect(hits.first().locator('.cell[lang="en"] p')).not.toHaveCount(0);
    // Side by side on a wide screen, one above the other on a phone.
    const [english, russian] = await Promise.all(['.cell[lang="en"]', '.cell[lang="ru"]'].map((cell) => hits.first().locator(cell).boundingBox()));
    if (isMobile) expect(russian!.y).toBeGreaterThanOrEqual(english!.y + english!.height);
    else expect([russian!.y, russian!.x > english!.x + english!.width]).toEqual([english!.y, true]);
    await expect(page.getByRole("link", { name: /\d+ passages? in Russian/ })).toBeVisible();
    // The counts stand beside the hits on a wide screen and after them on a phone; the help is folded away once there are hits.
    const [firstHit, counts] = await Promise.all([hits.first().boundingBox(), page.getByRole("heading", { name: "By edition" }).boundingBox()]);
    if (isMobile) expect(counts!.y).toBeGreaterThan(firstHit!.y + firstHit!.height);
    else expect(counts!.x).toBeGreaterThan(firstHit!.x + firstHit!.width);
    await expect(page.locator("details", { has: page.getByText("How search works") })).not.toHaveAttribute("open");
    await expect(page.getByRole("region", { name: "In the glossary" })).toContainText("sanctions");
    await page.screenshot({ path: screenshotPath("search-results", testInfo), fullPage: false });
    expect(await accessibilityViolations(page, { include: ["header", "main"] })).toEqual([]);
  });

  test("finds a glossary term from any script in both editions", { tag: DESKTOP_ONLY }, async ({ page }) => {
    for (const query of ["引き分け", "хикиваке", "hikiwake"]) {
      await page.goto(`/ru/search?q=${encodeURIComponent(query)}`);
      await expect(page.locator('.cell[lang="en"] mark').first()).toHaveText(/hikiwake/i);
      await expect(page.locator('.cell[lang="ru"] mark').first()).toHaveText(/хикиваке/i);
    }
  });

  test("filters by edition, work and section and pages through the hits", async ({ page }) => {
    await page.goto("/en/search?q=Japan");
    await page.getByRole("link", { name: /passages? in Russian/ }).click();
    await expect(page).toHaveURL(/lang=ru/);
    await expect(page.locator('.cell[lang="en"] [data-matched]')).toHaveCount(0);
    await expect(page.locator('.cell[lang="ru"] [data-matched]').first()).toBeVisible();

    await page.goto("/en/search?q=Japan&work=streltsov-2018");
    const section = page.getByRole("combobox", { name: "Section" });
    await section.selectOption({ label: "2. Mutual loss of hopes and illusions" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/section=2/);
    const sectionNames = await page.locator("li.unit > p span").allTextContents();
    expect(sectionNames.length).toBeGreaterThan(0);
    expect(new Set(sectionNames).size).toBe(1);
    expect(sectionNames[0]).toMatch(/^ · 2\. /);

    await page.goto("/en/search?q=Japan&work=streltsov-2018");
    const pages = page.getByRole("navigation", { name: "Result pages" });
    await expect(pages.getByRole("link", { name: /^Page 1 of \d+$/ })).toHaveAttribute("aria-current", "page");
    const firstUnits = await page.locator("li.unit").evaluateAll((items) => items.map((item) => Number(item.getAttribute("data-unit"))));
    await pages.getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(/page=2/);
    const secondUnits = await page.locator("li.unit").evaluateAll((items) => items.map((item) => Number(item.getAttribute("data-unit"))));
    expect(Math.min(...secondUnits)).toBeGreaterThan(Math.max(...firstUnits));
  });

  test("links each hit to its unit in the reader", async ({ page }) => {
    await page.goto("/en/search?q=hikiwake");
    const link = page.getByRole("link", { name: /^Unit \d+ in the reader$/ }).first();
    const unit = (await link.textContent())!.match(/\d+/)![0];
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/en/works/streltsov-2018#u${unit}$`));
    await expect(page.locator(`#u${unit}`)).toBeInViewport();
  });

  test("the API answers invalid parameters with problem details", { tag: DESKTOP_ONLY }, async ({ request }) => {
    for (const [address, parameter] of [
      ["/api/v1/search", "q"],
      ["/api/v1/search?q=", "q"],
      ["/api/v1/search?q=Japan&pageSize=1000", "pageSize"],
      ["/api/v1/search?q=Japan&section=2", "section"],
      ["/api/v1/search?q=Japan&lang=Russian!", "lang"],
      ["/api/v1/search?q=Japan&sort=date", "sort"],
      ["/api/v1/search/suggestions", "q"],
    ] as const) {
      const response = await request.get(address);
      expect(response.status(), address).toBe(400);
      expect(response.headers()["content-type"]).toContain("application/problem+json");
      const problem = await response.json();
      expect(problem.status).toBe(400);
      expect(problem["invalid-params"].map((invalid: { name: string }) => invalid.name), address).toContain(parameter);
    }
    const ok = await request.get(`/api/v1/search?q=${encodeURIComponent("санкции")}&lang=ru&pageSize=5`);
    expect(ok.status()).toBe(200);
    const body = await ok.json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.data.length).toBeLessThanOrEqual(5);
    expect(body.data[0].reader).toMatch(/^\/en\/works\/streltsov-2018#u\d+$/);
  });
});
