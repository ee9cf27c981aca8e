import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_DIR, tempDir } from "./helpers";

/**
 * The end-to-end servers run with e2e/trace-forbidden-modules.cjs preloaded and
 * must never log a load. This proves the tracer does log one, so an empty log
 * means something.
 */
describe("the module-load tracer the e2e servers run with", () => {
  const run = async (script: string): Promise<string> => {
    const log = path.join(await tempDir(), "forbidden.log");
    execFileSync(process.execPath, ["--require", "./e2e/trace-forbidden-modules.cjs", "-e", script], {
      cwd: PROJECT_DIR,
      env: { PATH: process.env.PATH, NODE_ENV: "production", YUEDU_FORBIDDEN_MODULE_LOG: log },
    });
    return readFileSync(log, "utf8");
  };

  it("logs a load of jsdom and of isomorphic-dompurify", async () => {
    const logged = await run("require('jsdom'); require('isomorphic-dompurify')");
    expect(logged).toMatch(/^jsdom \(required by /m);
    expect(logged).toMatch(/^isomorphic-dompurify \(required by /m);
  });

  it("creates an empty log when nothing forbidden is loaded", async () => {
    expect(await run("require('node:path'); require('entities')")).toBe("");
  });
});
