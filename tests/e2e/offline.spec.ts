import { expect, test } from "@playwright/test";
import { openReader, WORK } from "./reader-support";
import { DESKTOP_ONLY } from "../../playwright.config";

test.describe("offline", () => {
  // The other specs block the service worker (playwright.config.ts).
  test.use({ serviceWorkers: "allow" });

  test("the app is installable: a manifest with icons", { tag: DESKTOP_ONLY }, async ({ page, request }) => {
    await page.goto(WORK);
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    const manifest = await (await request.get(href!)).json();
    expect(manifest).toMatchObject({ name: "Parallel Reader", start_url: "/", display: "standalone" });
    for (const icon of manifest.icons as { src: string; sizes: string }[]) {
      const response = await request.get(icon.src);
      expect(response.ok(), icon.src).toBe(true);
      expect(response.headers()["content-type"]).toBe("image/png");
    }
    expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  });

  test("a work once opened reads through the service worker, online and with no network, with its annotations and glossary entries", async ({ page, context }) => {
    await openReader(page, `${WORK}#u12`);
    // The service worker takes control and keeps the page, what it loaded and the work's glossary entries.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const page = await caches.match(location.href.split("#")[0]!);
            const annotations = await caches.match(`${location.origin}/en/works/streltsov-2018/annotations`);
            const card = await caches.match(`${location.origin}/en/glossary/moscow/card.json?work=streltsov-2018`);
            return Boolean(page && annotations && card);
          }),
        { timeout: 20_000 },
      )
      .toBe(true);

    // Online, the worker hands on what the network serves: the page reloaded, and a move within the app (its React payload).
    await page.reload();
    await expect(page.locator("#en-12")).toContainText("From this angle");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Glossary" }).click();
    await expect(page).toHaveURL(/\/en\/glossary$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goBack();
    await expect(page.locator("#en-12")).toBeAttached();

    await context.setOffline(true);
    await page.reload();
    await expect(page.locator("#en-12")).toContainText("From this angle");
    await expect(page.locator('#en-12 [data-entry="moscow"]')).toBeAttached();
    // The styles came from the cache too.
    expect(await page.locator(".bar").evaluate((bar) => getComputedStyle(bar).position)).toBe("sticky");
    // And the network was really gone: what the cache does not hold could not be fetched. (navigator.onLine
    // is no proof: Chromium 150 keeps it true under Playwright's offline emulation.)
    const probe = await page.evaluate(() => fetch(`/api/v1/works?probe=${Date.now()}`, { cache: "no-store" }).then((response) => `answered ${response.status}`, () => "failed"));
    expect(probe).toBe("failed");
    await context.setOffline(false);
  });
});
