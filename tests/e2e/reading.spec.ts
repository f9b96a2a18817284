import { expect, test } from "@playwright/test";
import { backgroundOf, box, openReader, setPreferences, WORK } from "./reader-support";
import { screenshotPath } from "./support";
import { DESKTOP_ONLY } from "../../playwright.config";

test.describe("layouts", () => {
  test("follow the screen width until the reader chooses: side by side when wide, interleaved when narrow", async ({ page, request, isMobile }) => {
    // The server renders the no-choice state; CSS alone picks the layout, so nothing moves when the page runs.
    const html = await (await request.get(WORK)).text();
    expect(html).toContain('data-layout="auto"');

    await openReader(page);
    const english = await box(page.locator("#en-12"));
    const russian = await box(page.locator("#ru-12"));
    if (isMobile) {
      expect(russian.y).toBeGreaterThan(english.y + english.height - 1);
      expect(Math.abs(russian.x - english.x)).toBeLessThan(2);
      await expect(page.getByRole("button", { name: "Interleaved" })).toHaveAttribute("aria-pressed", "true");
    } else {
      expect(Math.abs(russian.y - english.y)).toBeLessThan(2);
      expect(russian.x).toBeGreaterThan(english.x + english.width);
      await expect(page.getByRole("button", { name: "Side by side" })).toHaveAttribute("aria-pressed", "true");
    }
  });

  test("switch from the toolbar, swap, and are remembered so the server renders them next time", async ({ page, request }, testInfo) => {
    await openReader(page);
    await page.getByRole("button", { name: "Interleaved" }).click();
    await expect(page.locator(".rd")).toHaveAttribute("data-layout", "interleaved");
    expect((await box(page.locator("#ru-12"))).y).toBeGreaterThan((await box(page.locator("#en-12"))).y);
    await page.screenshot({ path: screenshotPath("reader-interleaved", testInfo) });

    await page.getByRole("button", { name: "Swap editions" }).click();
    expect((await box(page.locator("#ru-12"))).y).toBeLessThan((await box(page.locator("#en-12"))).y);
    await expect(page.locator("#u12 > .cell").first()).toHaveAttribute("lang", "ru");

    await page.getByRole("button", { name: "One edition" }).click();
    await expect(page.locator("#ru-12")).toBeVisible();
    await expect(page.locator("#en-12")).toBeHidden();
    await page.screenshot({ path: screenshotPath("reader-single-ru", testInfo) });

    const cookie = (await page.context().cookies()).find((candidate) => candidate.name === "reader");
    expect(decodeURIComponent(cookie!.value)).toBe("layout=single&lead=ru");
    const html = await (await request.get(WORK, { headers: { cookie: `reader=${cookie!.value}` } })).text();
    expect(html).toContain('data-layout="single"');
    // The lead edition comes first in the document the server sends.
    expect(html.indexOf('id="ru-12"')).toBeLessThan(html.indexOf('id="en-12"'));

    await page.reload();
    await expect(page.locator(".rd")).toHaveAttribute("data-layout", "single");
    await expect(page.locator("#en-12")).toBeHidden();
  });

  test("open as the URL says, so a shared link shows the same view", async ({ page }) => {
    await setPreferences(page, "layout=parallel");
    await page.goto(`${WORK}?layout=interleaved&lead=ru#u12`);
    await expect(page.locator(".rd")).toHaveAttribute("data-layout", "interleaved");
    await expect(page.locator("#u12 > .cell").first()).toHaveAttribute("lang", "ru");
    expect((await box(page.locator("#ru-12"))).y).toBeLessThan((await box(page.locator("#en-12"))).y);
    // Changing the view keeps such a URL in step with the screen.
    await page.getByRole("button", { name: "Side by side" }).click();
    await expect(page).toHaveURL(/\?layout=parallel&lead=ru#u12$/);
  });

  test("cycle with l and swap with s", { tag: DESKTOP_ONLY }, async ({ page }) => {
    await setPreferences(page, "layout=parallel");
    await openReader(page);
    await page.keyboard.press("l");
    await expect(page.locator(".rd")).toHaveAttribute("data-layout", "interleaved");
    await page.keyboard.press("l");
    await expect(page.locator(".rd")).toHaveAttribute("data-layout", "single");
    await page.keyboard.press("l");
    await expect(page.locator(".rd")).toHaveAttribute("data-layout", "parallel");
    await page.keyboard.press("s");
    await expect(page.locator("#u12 > .cell").first()).toHaveAttribute("lang", "ru");
  });
});

test.describe("counterparts", () => {
  test("the aligned paragraph lights up on hover, on focus and on a tap", async ({ page, isMobile }) => {
    await openReader(page, `${WORK}#u12`);
    const quiet = await backgroundOf(page.locator("#ru-13"));
    if (isMobile) {
      await page.locator("#en-12 p").tap({ position: { x: 40, y: 10 } });
      await expect(page.locator("#en-12")).toHaveClass(/\bon\b/);
    } else {
      await page.locator("#en-12 p").hover({ position: { x: 40, y: 10 } });
    }
    await expect.poll(() => backgroundOf(page.locator("#ru-12"))).not.toBe(quiet);
    expect(await backgroundOf(page.locator("#ru-13"))).toBe(quiet);

    // By keyboard: focus on the paragraph number lights the counterpart too.
    await page.mouse.move(0, 0);
    if (isMobile) await page.locator("#en-12 p").tap({ position: { x: 40, y: 10 } });
    await page.locator("#en-13 .pnum").focus();
    await expect.poll(() => backgroundOf(page.locator("#ru-13"))).not.toBe(quiet);
  });

  // Sentence highlighting follows a mouse pointer or keyboard focus.
  test("the aligned sentence is painted with the Custom Highlight API, with no element added", { tag: DESKTOP_ONLY }, async ({ page }, testInfo) => {
    await openReader(page, `${WORK}#u12`);
    const before = await page.locator("#ru-12").innerHTML();
    await page.locator("#en-12 p").hover({ position: { x: 60, y: 10 } });
    await expect
      .poll(() => page.evaluate(() => [...(CSS.highlights.get("counterpart") ?? [])].map((range) => (range as Range).toString())))
      .toEqual([expect.stringMatching(/^С этой точки зрения/)]);
    const own = await page.evaluate(() => [...(CSS.highlights.get("sentence") ?? [])].map((range) => (range as Range).toString()));
    expect(own).toEqual([expect.stringMatching(/^From this angle.*objectives\.$/)]);
    expect(await page.locator("#ru-12").innerHTML()).toBe(before);
    await page.screenshot({ path: screenshotPath("reader-counterpart-sentence", testInfo) });

    await page.mouse.move(5, 5);
    await expect.poll(() => page.evaluate(() => CSS.highlights.has("counterpart"))).toBe(false);
  });

  test("a glossary term marks the same entry in the other edition, by pointer and by keyboard", async ({ page, isMobile }) => {
    await openReader(page, `${WORK}#u12`);
    const term = page.locator('#en-12 [data-entry="moscow"]');
    await expect(term).toHaveAttribute("role", "button");
    await expect(term).toHaveAttribute("tabindex", "0");
    await expect(term).toHaveAttribute("aria-expanded", "false");
    const counterpart = page.locator('#ru-12 [data-entry="moscow"]');
    if (!isMobile) {
      await term.hover();
      await expect(counterpart).toHaveClass(/\bpair\b/);
      await page.mouse.move(0, 0);
      await expect(counterpart).not.toHaveClass(/\bpair\b/);
    }
    await term.focus();
    await expect(counterpart).toHaveClass(/\bpair\b/);
  });
});

test.describe("navigation", () => {
  test("the table of contents lists the sections, follows the reading and shows progress", async ({ page, isMobile }, testInfo) => {
    await openReader(page);
    if (isMobile) {
      await expect(page.locator(".toc-side")).toBeHidden();
      await page.getByRole("button", { name: "Contents" }).click();
      const drawer = page.getByRole("dialog", { name: "Contents" });
      await expect(drawer).toBeVisible();
      await page.screenshot({ path: screenshotPath("reader-contents-drawer", testInfo) });
      await drawer.getByRole("link", { name: /Mutual loss of hopes/ }).click();
      await expect(drawer).toBeHidden();
    } else {
      const sidebar = page.getByRole("navigation", { name: "Contents" });
      await expect(sidebar.getByRole("link")).toHaveCount(6);
      await sidebar.getByRole("link", { name: /Mutual loss of hopes/ }).click();
      await expect(sidebar.getByRole("link", { name: /Mutual loss of hopes/ })).toHaveAttribute("aria-current", "location");
    }
    await expect(page).toHaveURL(/#u22$/);
    await expect(page.locator("#u22")).toBeInViewport();
    const scale = await page.locator(".progress > span").evaluate((bar) => new DOMMatrix(getComputedStyle(bar).transform).a);
    expect(scale).toBeGreaterThan(0.2);
    expect(scale).toBeLessThan(0.8);
  });

  test("j and k step through the units, ? lists the shortcuts in a dialog", { tag: DESKTOP_ONLY }, async ({ page }) => {
    await openReader(page, `${WORK}#u12`);
    await page.locator("#u12").evaluate((unit) => unit.scrollIntoView());
    await page.keyboard.press("j");
    await expect(page.locator("#u13")).toBeFocused();
    await expect(page).toHaveURL(/#u13$/);
    await page.keyboard.press("j");
    await expect(page.locator("#u14")).toBeFocused();
    await page.keyboard.press("k");
    await expect(page.locator("#u13")).toBeFocused();

    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Next unit");
    await expect(dialog.locator("kbd")).toHaveText(["j", "k", "l", "s", "?", "Esc"]);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  });

  test("page breaks show in the margin and stay out of copied text", async ({ page }) => {
    await openReader(page, `${WORK}#u10`);
    const mark = page.locator("#en-10 .page-mark");
    await expect(mark).toHaveCount(1);
    await expect(mark).toHaveAttribute("data-mark", "‖");
    await expect(mark).toHaveAttribute("aria-label", "Page break");
    const margin = await mark.evaluate((element) => getComputedStyle(element, "::after").position);
    expect(margin).toBe("absolute");
    const copied = await page.locator("#en-10").evaluate((paragraph) => {
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    });
    expect(copied).toContain("preventing Moscow's excessive shift to Beijing");
    expect(copied).not.toMatch(/‖|^10/);
  });
});

test.describe("permalinks", () => {
  test("a paragraph's link is copied whole and opens scrolled to the paragraph, highlighted", async ({ page, context }, testInfo) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await openReader(page, `${WORK}#u20`);
    await page.locator("#ru-20 .pnum").click();
    const menu = page.getByRole("menu", { name: "Paragraph 20, Russian" });
    await expect(menu).toBeVisible();
    await expect(menu.getByRole("menuitem").first()).toBeFocused();
    await menu.getByRole("menuitem", { name: "Copy link to paragraph" }).click();
    await expect(page.locator(".toast")).toHaveText("Link copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/en\/works\/streltsov-2018#ru-20$/);
    await expect(page.locator("#ru-20 .pnum")).toBeFocused();

    const other = await context.newPage();
    await other.goto(copied);
    await expect(other.locator("#ru-20")).toBeInViewport();
    expect(await other.evaluate(() => document.querySelector(":target")?.id)).toBe("ru-20");
    const animation = await other.locator("#ru-20").evaluate((element) => getComputedStyle(element).animationName);
    expect(animation).toBe("arrive");
    await other.screenshot({ path: screenshotPath("reader-permalink", testInfo) });
  });

  test("the paragraph menu works by keyboard and closes on Escape", { tag: DESKTOP_ONLY }, async ({ page }) => {
    await openReader(page, `${WORK}#u20`);
    await page.locator("#en-20 .pnum").focus();
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu");
    await expect(menu.getByRole("menuitem", { name: "Copy link to paragraph" })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(menu.getByRole("menuitem", { name: "Cite paragraph…" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(page.locator("#en-20 .pnum")).toBeFocused();
  });
});

test.describe("settings", () => {
  test("apply at once, are remembered, and are in place before the first paint", async ({ page }, testInfo) => {
    await openReader(page, `${WORK}#u12`);
    await page.getByRole("button", { name: "Settings" }).click();
    const dialog = page.getByRole("dialog", { name: "Reading settings" });
    await expect(dialog).toBeVisible();
    await page.screenshot({ path: screenshotPath("reader-settings", testInfo) });
    await dialog.getByLabel("Dark").check();
    await dialog.getByLabel("Large", { exact: true }).check();
    await dialog.getByLabel("Relaxed").check();
    await dialog.getByLabel("Page marks").uncheck();
    await dialog.getByLabel("Paragraph numbers").uncheck();
    await dialog.getByLabel("Glossary terms").uncheck();
    const html = page.locator("html");
    await expect(html).toHaveAttribute("data-theme", "dark");
    await expect(html).toHaveAttribute("data-size", "3");
    await expect(html).toHaveAttribute("data-leading", "3");
    await expect(page.locator(".units [data-entry]")).toHaveCount(0);
    expect(await page.locator("#en-12 .pnum").evaluate((number) => getComputedStyle(number).opacity)).toBe("0");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "Settings" })).toBeFocused();

    // No flash: the settings are on <html> before the browser has parsed the body, so its first paint already has them.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        observer.disconnect();
        const { theme, size, hide } = document.documentElement.dataset;
        (window as unknown as { settingsAtBody: unknown }).settingsAtBody = { theme, size, hide };
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { settingsAtBody: unknown }).settingsAtBody)).toEqual({ theme: "dark", size: "3", hide: "numbers pages terms" });
    await expect(html).toHaveAttribute("data-theme", "dark");
    expect(await page.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor)).toBe("rgb(27, 26, 24)");
    await page.waitForTimeout(500);
    await expect(page.locator(".units [data-entry]")).toHaveCount(0);
  });

  for (const theme of ["light", "sepia", "dark"] as const) {
    test(`${theme} theme`, async ({ page }, testInfo) => {
      await setPreferences(page, `theme=${theme}`);
      await openReader(page, `${WORK}#u12`);
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      await page.screenshot({ path: screenshotPath(`reader-theme-${theme}`, testInfo) });
    });
  }

  test("the system's dark preference applies while no theme is chosen", async ({ browser }, testInfo) => {
    const context = await browser.newContext({ colorScheme: "dark", viewport: testInfo.project.use.viewport ?? undefined });
    const page = await context.newPage();
    await page.goto(`${WORK}#u12`);
    await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
    expect(await page.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor)).toBe("rgb(27, 26, 24)");
    await context.close();
  });
});

test("print: both editions in parallel columns with their numbers, and how to cite them", async ({ page }, testInfo) => {
  await setPreferences(page, "layout=single&hide=numbers");
  await openReader(page);
  await page.emulateMedia({ media: "print" });
  const english = await box(page.locator("#en-12"));
  const russian = await box(page.locator("#ru-12"));
  expect(Math.abs(english.y - russian.y)).toBeLessThan(2);
  expect(russian.x).toBeGreaterThan(english.x);
  expect(await page.locator("#en-12 .pnum").evaluate((number) => getComputedStyle(number).opacity)).toBe("1");
  await expect(page.locator(".bar")).toBeHidden();
  const footer = page.locator(".print-cite");
  await expect(footer).toBeVisible();
  // The references are fetched while the browser is idle; the first citation of a server's life starts citeproc.
  await expect(footer).toContainText("Streltsov, D. V. (2018). Russian-Japanese relations: Systemic crisis or new opportunities? Russian Japanology Review.", { timeout: 20_000 });
  await expect(footer).toContainText("Стрельцов, Д. В. (2017).");
  await expect(footer).toContainText("/en/works/streltsov-2018");
  await footer.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath("reader-print", testInfo), fullPage: false });
});
