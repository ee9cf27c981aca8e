/**
 * Writes the hostile site's content folder for the end-to-end suite: one post
 * per attack vector plus every kind of broken file, and a manifest saying
 * which files must be published and which must be reported and left out.
 * Usage: tsx e2e/hostile/write-content.ts <content-dir> <manifest.json>
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { processFile } from "../../lib/content/post/process-file";
import { BROKEN_FILE_KINDS } from "../../test/fixtures/broken-files";
import { AFTER_HEADING, postPerVector, sitePosts, writeHostilePosts } from "../../test/fixtures/hostile/site";

export interface HostileManifest {
  published: { ids: number[]; file: string; family: string; field?: string }[];
  /** Files the build must list as skipped, with the problem lines it prints for the broken-file kinds. */
  rejected: { file: string; report?: string[] }[];
}

/** Vectors whose sanitized output loses the heading after them when published alone: they get a post of their own. */
function swallowingVectors(): (id: number) => boolean {
  const swallowing = new Set<number>();
  for (const post of postPerVector()) {
    if (post.field !== undefined || post.rejected) continue;
    const result = processFile(post.file, Buffer.from(post.text, "utf8"), { timeZone: "Asia/Shanghai", siteOrigin: "http://127.0.0.1" });
    if (!result.ok || !result.article.body.headings.some((heading) => heading.text === AFTER_HEADING)) for (const id of post.ids) swallowing.add(id);
  }
  return (id) => swallowing.has(id);
}

async function main(): Promise<void> {
  const [contentDir, manifestPath] = process.argv.slice(2);
  if (!contentDir || !manifestPath) throw new Error("usage: write-content.ts <content-dir> <manifest.json>");
  await fs.rm(contentDir, { recursive: true, force: true });
  const posts = await writeHostilePosts(contentDir, sitePosts(swallowingVectors()));
  // Root reads mode-000 files, so the unreadable-file kind only proves something for an ordinary user;
  // test/build/broken-build.test.ts covers it by running the build as one.
  const runsAsRoot = process.getuid?.() === 0;
  const kinds = BROKEN_FILE_KINDS.filter((kind) => !(kind.needsUnprivilegedUser && runsAsRoot));
  for (const kind of kinds) await kind.write(contentDir);
  const manifest: HostileManifest = {
    published: posts.filter((post) => !post.rejected).map(({ ids, file, family, field }) => ({ ids, file, family, ...(field ? { field } : {}) })),
    rejected: [
      ...posts.filter((post) => post.rejected).map(({ file }) => ({ file })),
      ...kinds.flatMap((kind) => kind.files.map((file) => ({ file, report: kind.report }))),
    ],
  };
  await fs.mkdir(path.dirname(manifestPath), { recursive: true });
  await fs.writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  console.log(`── hostile content: ${manifest.published.length} posts to publish, ${manifest.rejected.length} files to reject, in ${contentDir}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
