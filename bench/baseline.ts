/**
 * The yardstick for the build budget, rebuilt on the machine the bench runs on: "a naive Next.js
 * build of 5,000 such articles (gray-matter + DOMPurify per page, nothing else)". Build times on one machine
 * swing by 10–20% with what its disk did in the minutes before (see `benchBuilds` in bench.ts), so a fixed
 * number of seconds says less than our build next to this one, measured in the same run on the same posts.
 *
 * The app is written into `BASELINE_APP_DIR` (a `.next-*` folder: ignored by git, ESLint and tsc) and built
 * with Next's defaults: one page per file, read, parsed by gray-matter and sanitized by DOMPurify while the
 * page renders; no index, no lists, no cache.
 */
import { promises as fs, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";

export const BASELINE_APP_DIR = ".next-bench-baseline";

const FILES: Record<string, string> = {
  "next.config.js": `module.exports = { serverExternalPackages: ["isomorphic-dompurify", "jsdom"] };\n`,
  // A proxy that matches nothing. Without a proxy.ts of its own, Turbopack (Next 16.4) picks up the yuedu
  // project's proxy.ts from the folder above, whose imports this app cannot resolve, and the build fails.
  "proxy.ts": `export function proxy(): void {}\nexport const config = { matcher: [] };\n`,
  "tsconfig.json": `${JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        lib: ["dom", "dom.iterable", "ES2023"],
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        module: "esnext",
        moduleResolution: "bundler",
        esModuleInterop: true,
        jsx: "react-jsx",
        isolatedModules: true,
        plugins: [{ name: "next" }],
      },
      include: ["next-env.d.ts", "**/*.ts", "**/*.tsx", ".next/types/**/*.ts"],
      exclude: ["node_modules"],
    },
    null,
    2,
  )}\n`,
  "app/layout.tsx": `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
`,
  "app/articles/[slug]/page.tsx": `import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import DOMPurify from "isomorphic-dompurify";

const contentDir = process.env.BASELINE_CONTENT_DIR ?? "";
let listed: string[] | null = null;

/** Post files, listed once per process. */
function postFiles(): string[] {
  listed ??= fs
    .readdirSync(/*turbopackIgnore: true*/ contentDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .sort();
  return listed;
}

export function generateStaticParams() {
  return postFiles().map((_, at) => ({ slug: String(at) }));
}

export default async function ArticlePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const file = postFiles()[Number(slug)] ?? "";
  const { data, content } = matter(fs.readFileSync(path.join(/*turbopackIgnore: true*/ contentDir, file), "utf8"));
  return (
    <article>
      <h1>{String(data.title)}</h1>
      <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(content) }} />
    </article>
  );
}
`,
};

/** Writes the baseline app into `appDir` (replacing one left by an interrupted run). */
export async function writeBaselineApp(appDir: string): Promise<void> {
  await fs.rm(appDir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(FILES)) {
    const target = path.join(appDir, file);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, text);
  }
}

/**
 * The naive app's URL for the post titled `title` in `contentDir`: it numbers the posts as its `postFiles`
 * lists them (every `.md` below the folder, sorted by path).
 */
export function naiveArticlePath(contentDir: string, title: string): string {
  const files = readdirSync(contentDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .sort();
  // trimStart: some posts open with a blank line before their front matter, which gray-matter alone does not see.
  const at = files.findIndex((file) => String(matter(readFileSync(path.join(contentDir, file), "utf8").trimStart()).data.title) === title);
  if (at < 0) throw new Error(`no post titled ${title} in ${contentDir}`);
  return `/articles/${at}`;
}
