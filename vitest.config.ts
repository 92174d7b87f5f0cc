import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "server/**/*.test.ts", "cli/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "browser/**/*.test.ts"],
    environment: "node",
    // Generous: the matrix, fuzz and apt-cache tests do real work, and CI shares two cores.
    testTimeout: 60_000,
    // The test files share their worker's module cache instead of importing zod and the package knowledge again
    // each, which halves the suite's time. No test mocks modules or stubs globals, so nothing leaks from one file
    // to the next.
    isolate: false,
  },
});
