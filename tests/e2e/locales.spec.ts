import { expect, test } from "@playwright/test";
import { openReader } from "./reader-support";
import { DESKTOP_ONLY } from "../../playwright.config";

const READER = {
  en: { title: "Russian-Japanese relations: Systemic crisis or new opportunities? · Parallel Reader", layout: "Side by side", og: "en_US", description: /^Russian-Japanese relations: Systemic crisis or new opportunities\? — parallel text: English and Russian,/ },
  ru: { title: "Russian-Japanese relations: Systemic crisis or new opportunities? · Параллельное чтение", layout: "Рядом", og: "ru_RU", description: /— параллельный текст \(английский и русский\):/ },
  ja: { title: "Russian-Japanese relations: Systemic crisis or new opportunities? · 対訳リーダー", layout: "左右に並べる", og: "ja_JP", description: /：英語、ロシア語の対訳（/ },
} as const;

for (const [locale, expected] of Object.entries(READER)) {
  test(`the reader in ${locale}: document language, title, description, alternates and OpenGraph`, { tag: DESKTOP_ONLY }, async ({ page }) => {
    await page.goto(`/${locale}/works/streltsov-2018`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page).toHaveTitle(expected.title);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", expected.description);
    await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute("content", expected.og);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
    for (const other of ["en", "ru", "ja"]) {
      await expect(page.locator(`link[rel="alternate"][hreflang="${other}"]`)).toHaveAttribute("href", new RegExp(`^http://127\\.0\\.0\\.1:\\d+/${other}/works/streltsov-2018$`));
    }
    await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute("href", /\/en\/works\/streltsov-2018$/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/${locale}/works/streltsov-2018$`));
    await expect(page.getByRole("button", { name: expected.layout })).toBeVisible();
  });
}

test("the home page names its other languages too", { tag: DESKTOP_ONLY }, async ({ page }) => {
  await page.goto("/ja");
  await expect(page.locator('link[rel="alternate"][hreflang="ru"]')).toHaveAttribute("href", /\/ru$/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/ja$/);
});

test("dates are written the way each language writes them", { tag: DESKTOP_ONLY }, async ({ page }) => {
  await page.goto("/ja/works/streltsov-2018");
  await expect(page.locator(".updated")).toHaveText(/^本文の最終更新：\d{4}年\d{1,2}月\d{1,2}日$/);
  await page.goto("/ru/works/streltsov-2018");
  await expect(page.locator(".updated")).toHaveText(/^Текст обновлён \d{1,2} [а-я]+ \d{4} г\.$/);
});

test("switching the interface language keeps the view and the position", async ({ page }) => {
  await openReader(page, "/en/works/streltsov-2018?layout=interleaved&lead=ru#u20");
  await page.getByRole("link", { name: "日本語" }).click();
  await expect(page).toHaveURL(/\/ja\/works\/streltsov-2018\?layout=interleaved&lead=ru#u20$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.locator(".rd")).toHaveAttribute("data-layout", "interleaved");
  await expect(page.locator("#u20")).toBeInViewport();
  await expect(page.getByRole("button", { name: "交互に表示" })).toHaveAttribute("aria-pressed", "true");
});
