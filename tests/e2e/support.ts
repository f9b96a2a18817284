import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";

/** Screenshots go to tests/output/screenshots (git-ignored), named by page and viewport. */
export function screenshotPath(name: string, testInfo: TestInfo): string {
  return `tests/output/screenshots/${name}-${testInfo.project.name}.png`;
}

/**
 * axe's violations on the page, or within `include` and outside `exclude`, one "rule: targets" line each.
 * axe runs in the page itself and reports violations only: by default @axe-core/playwright runs it frame by
 * frame and gathers the results in a blank page of its own, passing every node it checked (6 MB for the
 * reader), which took 12.7 s for the reader against 2.4 s this way, with the same violations. The app's
 * pages have no frames.
 */
export async function accessibilityViolations(page: Page, { include = [], exclude = [] }: { include?: string[]; exclude?: string[] } = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ["violations"] });
  for (const selector of include) builder.include(selector);
  for (const selector of exclude) builder.exclude(selector);
  const { violations } = await builder.analyze();
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}
