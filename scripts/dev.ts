/**
 * `npm run dev`: builds the content store, starts `next dev`, and rebuilds the
 * store whenever a post changes, so an owner sees an edit on the next reload
 * (the store reader notices the new index). Problems are printed, not fatal:
 * the last good store keeps serving while a file is being fixed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { watch } from "node:fs";
import { resolveContentDir } from "../lib/content/locations";

const contentDir = resolveContentDir();
const forwardedArgs = process.argv.slice(2);

function buildContent(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, "scripts/build-content.ts", "--skip-invalid"], { stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<void> {
  if ((await buildContent()) !== 0) {
    console.error("✗ the content could not be built; fix the problems above and run `npm run dev` again");
    process.exitCode = 1;
    return;
  }
  const next: ChildProcess = spawn("npx", ["next", "dev", "--hostname", process.env.HOST ?? "127.0.0.1", ...forwardedArgs], { stdio: "inherit" });

  let timer: NodeJS.Timeout | undefined;
  let building = false;
  let again = false;
  const rebuild = async (): Promise<void> => {
    if (building) {
      again = true;
      return;
    }
    building = true;
    await buildContent();
    building = false;
    if (again) {
      again = false;
      void rebuild();
    }
  };
  const watcher = watch(contentDir, { recursive: true }, () => {
    clearTimeout(timer);
    // Editors write a file in several steps; wait until they are done.
    timer = setTimeout(() => void rebuild(), 300);
  });
  const stop = (): void => {
    watcher.close();
    next.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  next.on("exit", (code) => {
    watcher.close();
    process.exit(code ?? 0);
  });
}

void main();
