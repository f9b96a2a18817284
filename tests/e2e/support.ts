import type { TestInfo } from "@playwright/test";

/** Screenshots go to tests/output/screenshots (git-ignored), named by page and viewport. */
export function screenshotPath(name: string, testInfo: TestInfo): string {
  return `tests/output/screenshots/${name}-${testInfo.project.name}.png`;
}
