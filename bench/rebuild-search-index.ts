/**
 * `tsx bench/rebuild-search-index.ts <storeDir> <outputDir>`: builds the search index of a built store into
 * `outputDir`, as the content step does, so that bench/search.ts can time it and weigh its memory alone.
 */
import { buildSearchIndex } from "../lib/content/search/build-search-index";

const [storeDir, outputDir] = process.argv.slice(2);
if (!storeDir || !outputDir) {
  console.error("usage: tsx bench/rebuild-search-index.ts <storeDir> <outputDir>");
  process.exitCode = 2;
} else {
  buildSearchIndex(storeDir, { outputDir }).then(
    (result) => console.log(`${result.articles} articles, ${result.terms} terms, ${result.files} files, ${result.bytes} bytes, ${result.seconds.toFixed(1)} s`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
