import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/** Debian's Chromium where it is installed (this project's CI); Playwright's own browser elsewhere. */
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => existsSync(candidate));
const launchOptions = {
  ...(systemChromium ? { executablePath: systemChromium } : {}),
  // Without these, Chromium's background calls fail noisily on machines without outside network.
  args: ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
};

const SAMPLE_PORT = 3201;
const SHARED_PORT = 3202;
const HOSTILE_PORT = 3203;
export const sharedSiteBuilt = existsSync(".yuedu/e2e-shared/store/manifest.json");
const hostileSiteBuilt = existsSync(".yuedu/e2e-hostile/store/manifest.json");

/**
 * Every server runs with a module-load tracer that logs any load of jsdom or DOMPurify: request handling
 * must never sanitize again. `e2e/global-teardown.ts` fails the run when the log is not empty.
 */
export const forbiddenModuleLog = (name: string): string => `.yuedu/e2e-${name}/forbidden-modules.log`;

const server = (name: string, port: number, env: Record<string, string>) => ({
  command: `npx next start -p ${port} -H 127.0.0.1`,
  url: `http://127.0.0.1:${port}/`,
  // Never reuse: a server left from an older build would serve stale pages and chunks.
  reuseExistingServer: false,
  timeout: 60_000,
  env: {
    NEXT_DIST_DIR: `.next-e2e-${name}`,
    YUEDU_STORE_DIR: `.yuedu/e2e-${name}/store`,
    NODE_OPTIONS: "--require ./e2e/trace-forbidden-modules.cjs",
    YUEDU_FORBIDDEN_MODULE_LOG: forbiddenModuleLog(name),
    ...env,
  },
});

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: { launchOptions, trace: "retain-on-failure" },
  globalTeardown: "./e2e/global-teardown.ts",
  projects: [
    { name: "desktop", testMatch: /sample\/.*\.spec\.ts/, use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 860 }, baseURL: `http://127.0.0.1:${SAMPLE_PORT}` } },
    { name: "phone", testMatch: /sample\/.*\.spec\.ts/, use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, baseURL: `http://127.0.0.1:${SAMPLE_PORT}` } },
    { name: "shared-corpus", testMatch: /shared\/.*\.spec\.ts/, use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 860 }, baseURL: `http://127.0.0.1:${SHARED_PORT}` } },
    { name: "hostile-desktop", testMatch: /hostile\/.*\.spec\.ts/, use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 860 }, baseURL: `http://127.0.0.1:${HOSTILE_PORT}` } },
    // Deployment: two standalone hosts with one Redis, and the build as Vercel runs it. Compared with the sample site.
    { name: "deploy", testMatch: /deploy\/.*\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${SAMPLE_PORT}` } },
    { name: "hostile-phone", testMatch: /hostile\/.*\.spec\.ts/, use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, baseURL: `http://127.0.0.1:${HOSTILE_PORT}` } },
  ],
  webServer: [
    server("sample", SAMPLE_PORT, { SITE_PAGE_SIZE: "5" }),
    ...(sharedSiteBuilt ? [server("shared", SHARED_PORT, { SKIP_INVALID: "1" })] : []),
    ...(hostileSiteBuilt ? [server("hostile", HOSTILE_PORT, { SKIP_INVALID: "1" })] : []),
  ],
});
