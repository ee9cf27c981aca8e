import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { SEARCH_INDEX_FOLDER } from "../search/search-index-format";
import { resolveStoreDir } from "./location";

/** A file of the search index as a response sends it. */
export interface SearchIndexFile {
  bytes: Buffer;
  contentType: string;
  /** Pagefind names its index files after their content; only the entry points keep their names across builds. */
  immutable: boolean;
}

/** Names Pagefind gives its files: letters, digits, `_`, `-`, `.`, never starting with a dot. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
/** The sub-folders of Pagefind's output: chunks of the index, of the filters, and one fragment per article. */
const FOLDERS = new Set(["index", "filter", "fragment"]);
const ENTRY_POINTS = new Set(["pagefind.js", "pagefind-worker.js", "pagefind-entry.json"]);

function contentTypeOf(name: string): string {
  if (name.endsWith(".js")) return "text/javascript; charset=utf-8";
  if (name.endsWith(".json")) return "application/json; charset=utf-8";
  // Index chunks, fragments and the WebAssembly are gzip data that Pagefind's script unpacks itself.
  return "application/octet-stream";
}

/**
 * A file of the search index the build put in the store (`search/`), by the URL's path segments after
 * `/pagefind/`; null for any other path, so a request can never read outside that folder.
 */
export async function readSearchIndexFile(segments: readonly string[]): Promise<SearchIndexFile | null> {
  const name = segments.at(-1) ?? "";
  const folderOk = segments.length === 1 || (segments.length === 2 && FOLDERS.has(segments[0] ?? ""));
  if (!folderOk || !FILE_NAME.test(name)) return null;
  const file = path.join(/*turbopackIgnore: true*/ resolveStoreDir(), SEARCH_INDEX_FOLDER, ...segments);
  try {
    return { bytes: await fs.readFile(file), contentType: contentTypeOf(name), immutable: !ENTRY_POINTS.has(name) };
  } catch {
    return null;
  }
}

/** Whether the build made a search index (it does not for an archive above `YUEDU_SEARCH_LIMIT`). */
export function hasSearchIndex(): boolean {
  return existsSync(path.join(/*turbopackIgnore: true*/ resolveStoreDir(), SEARCH_INDEX_FOLDER, "pagefind-entry.json"));
}
