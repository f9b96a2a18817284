import { expect, test } from "@playwright/test";
import { glossaryPaths } from "@/lib/glossary/paths";
import { glossaryEntriesOf, type TextAnnotations } from "@/lib/reader/text-payload";
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

  test("a work once opened reads through the service worker, online and with no network, with its annotations and glossary entries", async ({ page, context, request }) => {
    // It waits for the worker to keep each of the work's glossary cards, some 120 requests on processors that the other tests share.
    test.slow();
    await openReader(page, `${WORK}#u12`);
    // The service worker takes control and keeps the page, what it loaded and the work's glossary entries.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
    // Every entry that the work's terms open.
    const entries = glossaryEntriesOf((await (await request.get(`${WORK}/annotations`)).json()) as TextAnnotations);
    expect(entries).toContain("moscow");
    const kept = [WORK, `${WORK}/annotations`, ...[...entries].map((entry) => glossaryPaths.card("en", "streltsov-2018", entry))];
    await expect
      .poll(() => page.evaluate(async (paths) => (await Promise.all(paths.map((path) => caches.match(`${location.origin}${path}`)))).every(Boolean), kept), { timeout: 45_000 })
      .toBe(true);

    // Online, the worker hands on what the network serves: the page reloaded, and a move within the app (its React payload).
    // The cards it keeps already are not fetched again; the glossary list, asked for in the same message, is.
    const cardRequests: string[] = [];
    context.on("request", (request) => {
      if (request.url().includes("/card.json")) cardRequests.push(request.url());
    });
    const glossaryList = context.waitForEvent("requestfinished", (request) => request.url() === `${new URL(page.url()).origin}/en/glossary`);
    await page.reload();
    await expect(page.locator("#en-12")).toContainText("From this angle");
    await glossaryList;
    expect(cardRequests).toEqual([]);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Glossary" }).click();
    // The glossary page is rendered for the request, through the worker, on processors that the other tests share:
    // under load in CI, the payload took 2.7 s to arrive and the page more than 5 s to show.
    await expect(page).toHaveURL(/\/en\/glossary$/, { timeout: 15_000 });
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
