import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    // A worker per processor, not vitest's default of one fewer: many tests wait on a child process
    // (prisma, tsx) or a database server, and with two processors the default is a single worker.
    maxWorkers: "100%",
  },
});
