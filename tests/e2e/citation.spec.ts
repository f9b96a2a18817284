import { expect, test } from "@playwright/test";
import { openReader, WORK } from "./reader-support";
import { screenshotPath } from "./support";
import { DESKTOP_ONLY } from "../../playwright.config";

test.describe("citing", () => {
  test("a paragraph of the English edition: the edition's reference first, then the in-text citation with its paragraph pinpoint", async ({ page, context }, testInfo) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await openReader(page, `${WORK}#u12`);
    await page.locator("#en-12 .pnum").click();
    await page.getByRole("menuitem", { name: "Cite paragraph…" }).click();
    const dialog = page.getByRole("dialog", { name: "Cite paragraph 12 of the English edition" });
    await expect(dialog).toBeVisible();
    const reference = dialog.locator("section", { has: page.getByRole("heading", { name: "Reference list entry (the whole edition)" }) });
    // The first citation of a server's life starts citeproc: allow it time.
    await expect(reference).toContainText("Streltsov, D. V. (2018). Russian-Japanese relations: Systemic crisis or new opportunities? Russian Japanology Review.", { timeout: 20_000 });
    const inText = dialog.locator("section", { has: page.getByRole("heading", { name: "In-text citation" }) });
    await expect(inText).toContainText("(Streltsov, 2018, para. 12)");
    await expect(inText).toContainText("Paragraph numbers follow this reader's numbering");
    await expect(dialog.getByRole("note")).toHaveCount(0);
    await page.screenshot({ path: screenshotPath("cite-dialog-en", testInfo) });

    await dialog.getByLabel("Chicago (author-date)").check();
    await expect(inText).toContainText("(Streltsov 2018, para. 12)");
    await dialog.getByLabel("MLA (9th ed.)").check();
    await expect(reference).toContainText("Streltsov, Dmitry Victorovich. “Russian-Japanese Relations: Systemic Crisis or New Opportunities?” Russian Japanology Review, 2018");
    await dialog.getByLabel("GOST R 7.0.100-2018").check();
    await expect(reference).toContainText("Streltsov D. V. Russian-Japanese relations");

    await inText.getByRole("button", { name: "Copy" }).click();
    await expect(inText.getByRole("button", { name: "Copied" })).toBeVisible();
    // A GOST reference list is Russian: its locator terms are too.
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("[1,\u00a0абз.\u00a012]");

    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page.locator("#en-12 .pnum")).toBeFocused();
  });

  test("the Russian edition cites Kontrapunkt and says the wording shown is not the journal's", async ({ page }, testInfo) => {
    await openReader(page, `/ru/works/streltsov-2018#u12`);
    await page.locator("#ru-12 .pnum").click();
    await page.getByRole("menuitem", { name: "Сослаться на абзац…" }).click();
    const dialog = page.getByRole("dialog", { name: "Ссылка на абзац 12: Русский" });
    await expect(dialog.getByRole("note")).toContainText("собственный перевод проекта, а не текст, напечатанный в издании «Контрапункт», 2017, № 3, с. 70–85");
    // ГОСТ is the default style in the Russian interface.
    await expect(dialog.getByLabel("ГОСТ Р 7.0.100-2018")).toBeChecked();
    await expect(dialog.locator(".csl").first()).toBeVisible({ timeout: 20_000 });
    await expect(dialog).toContainText("Стрельцов\u00a0Д. В. Российско-японские отношения: системный кризис или новые возможности? / Д. В. Стрельцов // Контрапункт. – 2017. – №\u00a03. – С.\u00a070-85.");
    await expect(dialog).toContainText("[1,\u00a0абз.\u00a012]");
    await page.screenshot({ path: screenshotPath("cite-dialog-ru", testInfo) });
    await dialog.getByLabel("APA (7-е изд.)").check();
    await expect(dialog).toContainText("Стрельцов, Д. В. (2017). Российско-японские отношения: системный кризис или новые возможности? Контрапункт, (3), 70–85.");
  });

  test("the whole edition from its card, with exports for reference managers", { tag: DESKTOP_ONLY }, async ({ page, request }) => {
    await openReader(page);
    await page.getByRole("button", { name: "Cite the Russian edition" }).click();
    const dialog = page.getByRole("dialog", { name: "Cite the Russian edition" });
    await expect(dialog).toContainText("Стрельцов, Д. В. (2017).", { timeout: 20_000 });
    await expect(dialog.getByRole("heading", { name: "In-text citation" })).toHaveCount(0);
    const links = dialog.getByRole("link");
    await expect(links).toHaveText(["BibTeX", "RIS", "CSL-JSON"]);
    const bibtex = await request.get((await links.nth(0).getAttribute("href"))!);
    expect(bibtex.headers()["content-disposition"]).toBe('attachment; filename="streltsov-2018-ru.bib"');
    expect(await bibtex.text()).toContain("journal = {Контрапункт}");
    const ris = await (await request.get((await links.nth(1).getAttribute("href"))!)).text();
    expect(ris).toContain("TY  - JOUR");
    const csl = await (await request.get((await links.nth(2).getAttribute("href"))!)).json();
    expect(csl).toEqual([expect.objectContaining({ type: "article-journal", "container-title": "Контрапункт", issue: "3", page: "70–85" })]);
    expect(csl[0]).not.toHaveProperty("DOI");
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: "Cite the Russian edition" })).toBeFocused();
  });

  test("the citation route answers bad requests with a JSON error", { tag: DESKTOP_ONLY }, async ({ request }) => {
    const cite = `${WORK}/cite`;
    const bad = await request.get(`${cite}?edition=EN`);
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toEqual({ error: expect.stringMatching(/^edition: /) });
    expect((await request.get(`${cite}?edition=en&paragraph=-1`)).status()).toBe(400);
    expect((await request.get(`${cite}?edition=en&format=docx`)).status()).toBe(400);
    const missing = await request.get(`${cite}?edition=en&paragraph=999`);
    expect(missing.status()).toBe(404);
    expect(await missing.json()).toEqual({ error: 'edition "en" of "streltsov-2018" has no paragraph 999' });
    expect((await request.get(`${cite}?edition=fr`)).status()).toBe(404);
    expect((await request.get(`/en/works/no-such-work/cite?edition=en`)).status()).toBe(404);
  });
});
