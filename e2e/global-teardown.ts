import { existsSync, readFileSync } from "node:fs";
import { forbiddenModuleLog } from "../playwright.config";

/** After every test: no server the suite ran ever loaded the sanitizer while handling requests. */
export default function globalTeardown(): void {
  for (const site of ["sample", "standalone", "shared", "hostile"]) {
    const log = forbiddenModuleLog(site);
    if (!existsSync(log)) continue;
    const loads = readFileSync(log, "utf8").trim();
    if (loads !== "") throw new Error(`the ${site} server loaded the sanitizer while serving requests:\n${loads}`);
  }
}
