import { promises as fs } from "node:fs";
import path from "node:path";
import type { BuiltSite } from "./build-site-index";
import { articleDocumentFile } from "./paths";

/**
 * Writes the site index and one JSON document per article. The new store is
 * written beside the old one and swapped in, so a failed build never leaves a
 * half-written store for `next build` or a running server to read.
 */
export async function writeStore(storeDir: string, site: BuiltSite): Promise<void> {
  const staging = `${storeDir}.staging-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(path.join(staging, "articles"), { recursive: true });
  await fs.writeFile(path.join(staging, "index.json"), JSON.stringify(site.index));
  let next = 0;
  const writers = Array.from({ length: 32 }, async () => {
    while (next < site.documents.length) {
      const document = site.documents[next];
      next += 1;
      if (document) {
        await fs.writeFile(path.join(staging, "articles", articleDocumentFile(document.summary.slug)), JSON.stringify(document));
      }
    }
  });
  await Promise.all(writers);

  const retired = `${storeDir}.retired-${process.pid}`;
  await fs.rm(retired, { recursive: true, force: true });
  await fs.rename(storeDir, retired).catch(() => undefined);
  await fs.rename(staging, storeDir);
  await fs.rm(retired, { recursive: true, force: true });
}
