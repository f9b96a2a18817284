import { expect, test, type Page } from "@playwright/test";
import { openReader, setPreferences } from "./reader-support";
import { accessibilityViolations } from "./support";
import { DESKTOP_ONLY } from "../../playwright.config";

async function expectNoViolations(page: Page, what: string, options?: Parameters<typeof accessibilityViolations>[1]) {
  expect(await accessibilityViolations(page, options), `${what}: axe violations`).toEqual([]);
}

const settingsButton = { en: "Settings", ru: "Настройки", ja: "表示設定" } as const;

/**
 * Each check of the whole reader takes axe some five seconds of CI's time, so each is made where it can
 * differ: the interface language changes the reader's labels, not its markup or colours; the layout changes
 * its markup; the theme its colours; the phone its markup and styles. Every language gets the reader (parallel,
 * counterparts lit), the home page and the dialogs; Russian, whose labels run longest, the other layouts,
 * on both screen sizes; English the other themes.
 */
const readerChecks = (locale: string) => [
  { layout: "parallel", theme: "light" },
  ...(locale === "ru" ? [{ layout: "interleaved", theme: "light" }, { layout: "single", theme: "light" }] : []),
  ...(locale === "en" ? [{ layout: "parallel", theme: "sepia" }, { layout: "parallel", theme: "dark" }] : []),
];

for (const locale of ["en", "ru", "ja"] as const) {
  // The phone's layouts are checked in Russian.
  test.describe(`accessibility in ${locale}`, { tag: locale === "ru" ? [] : DESKTOP_ONLY }, () => {
    test.setTimeout(120_000);
    for (const { layout, theme } of readerChecks(locale)) {
      test(`the reader, ${layout}, in the ${theme} theme, with its counterparts lit`, async ({ page }) => {
        await setPreferences(page, `layout=${layout}&theme=${theme}`);
        await openReader(page, `/${locale}/works/streltsov-2018#u12`);
        await page.locator("#en-12 .pnum").focus();
        await expectNoViolations(page, `reader ${layout} ${theme}`);
      });
    }
  });

  // The phone changes the reader's layout (checked above on both sizes), not its dialogs or home page.
  test.describe(`accessibility in ${locale}, desktop`, { tag: DESKTOP_ONLY }, () => {
    test.setTimeout(120_000);
    test("the home page", async ({ page }) => {
      await page.goto(`/${locale}`);
      await expect(page.locator("h1")).toBeVisible();
      await expectNoViolations(page, `/${locale}`);
    });

    // The page behind a dialog is checked above: here axe looks at the dialog alone.
    test("the citation, settings and shortcuts dialogs", async ({ page }) => {
      const dialogOnly = { include: ["dialog[open]"] };
      await openReader(page, `/${locale}/works/streltsov-2018#u12`);
      await page.locator("#ru-12 .pnum").click();
      await page.getByRole("menu").getByRole("menuitem").nth(1).click();
      const cite = page.getByRole("dialog");
      await expect(cite.locator(".csl").first()).toBeVisible({ timeout: 20_000 });
      await expectNoViolations(page, "citation dialog", dialogOnly);
      await page.keyboard.press("Escape");
      await expect(cite).toBeHidden();

      await page.getByRole("button", { name: settingsButton[locale], exact: true }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectNoViolations(page, "settings dialog", dialogOnly);
      await page.keyboard.press("Escape");
      // The reader ignores its shortcuts while a dialog is open: "?" waits until the settings have closed.
      await expect(page.getByRole("dialog")).toBeHidden();

      await page.keyboard.press("?");
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectNoViolations(page, "shortcuts dialog", dialogOnly);
    });
  });
}

test("the skip link leads to the content, and every landmark is named", async ({ page }) => {
  await page.goto("/en/works/streltsov-2018");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeAttached();
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("contentinfo")).toHaveCount(1);
  // The columns and the text of each edition carry their language.
  await expect(page.locator(".unit > .cell:not([lang])")).toHaveCount(0);
});

test("motion is reduced when the system asks for it", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ reducedMotion: "reduce", viewport: testInfo.project.use.viewport ?? undefined });
  const page = await context.newPage();
  await page.goto("/en/works/streltsov-2018#en-20");
  const duration = await page.locator("#en-20").evaluate((element) => getComputedStyle(element).animationDuration);
  expect(parseFloat(duration)).toBeLessThan(0.001);
  await context.close();
});
