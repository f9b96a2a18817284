import { expect, type Locator, type Page } from "@playwright/test";

export const WORK = "/en/works/streltsov-2018";

/** Opens a work page and waits until the reader has hydrated and its annotations (sentences, glossary terms) have arrived. */
export async function openReader(page: Page, path = WORK): Promise<void> {
  const annotations = page.waitForResponse((response) => response.url().includes("/annotations") && response.ok());
  await page.goto(path);
  await annotations;
  await expect(page.locator(".units [data-entry]").first()).toBeAttached();
}

/** Sets the reader's preferences cookie ("layout=interleaved&theme=dark"), as a reader's earlier choice would have. */
export async function setPreferences(page: Page, query: string): Promise<void> {
  await page.context().addCookies([{ name: "reader", value: encodeURIComponent(query), domain: "127.0.0.1", path: "/" }]);
}

/** Where an element is on screen. */
export async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const result = await locator.boundingBox();
  expect(result, "element has a box").not.toBeNull();
  return result!;
}

export async function backgroundOf(locator: Locator): Promise<string> {
  return locator.evaluate((element) => getComputedStyle(element).backgroundColor);
}
