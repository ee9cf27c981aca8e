/**
 * Benchmark content for `npm run bench`: N Hexo posts in the exact shape of
 * ../shared/seed (blank line before `---`, single-quoted title, a 3-level block
 * list of categories, RFC 1123 dates), with bodies cycled from the real seed and
 * corpus posts when ../shared exists. Every body and title is made unique, so a
 * build can never reuse another file's cache entry.
 */
import { createHash } from "node:crypto";
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { seededRandom } from "../lib/util/seeded-random";

export interface BodySource {
  /** Where the body came from: a path under ../shared, or `synthetic`. */
  origin: string;
  title: string;
  /** Everything after the closing `---` line, exactly as in the source (starts with "\n<div>"). */
  body: string;
  isSeed: boolean;
}

export interface GeneratedContent {
  dir: string;
  count: number;
  bodySources: number;
  skipped: string[];
  /** Title of the first article whose body is the seed's (or the synthetic seed-like body). */
  seedTitle: string;
}

/** The few nested category paths the posts are spread over (the feeds of the real sample). */
const CATEGORY_PATHS: ReadonlyArray<readonly [string, string, string]> = [
  ["新媒体", "36kr", "资讯"],
  ["新媒体", "36kr", "快讯"],
  ["编程", "开源中国", "资讯"],
  ["编程", "开源中国", "用户博客"],
  ["编程", "掘金", "分类"],
  ["编程", "Dockone", "周报"],
  ["编程", "AI 研习社", "首页"],
  ["科技", "少数派", "文章"],
];
const AUTHORS = ["36kr", "开源中国", "掘金", "Dockone", "AI 研习社", "林知远", "周小满"];

const FIRST_DATE = Date.UTC(2018, 0, 1);
const LAST_DATE = Date.UTC(2022, 11, 31);

function pick<T>(list: readonly T[], random: () => number): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}


/** Front matter and body of one post, or null when the front matter cannot be located or parsed. */
export function splitPost(text: string): { title: string; body: string } | null {
  const match = /^\uFEFF?\s*---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*\r?\n/.exec(text);
  if (!match) return null;
  let data: unknown;
  try {
    data = yaml.load(match[1] ?? "", { schema: yaml.CORE_SCHEMA });
  } catch {
    return null;
  }
  if (data === null || typeof data !== "object") return null;
  const title: unknown = (data as Record<string, unknown>).title;
  if (typeof title !== "string" && typeof title !== "number") return null;
  return { title: String(title), body: text.slice(match[0].length) };
}

async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [dir];
  // Bounded: every directory is visited once.
  while (pending.length > 0) {
    const current = pending.pop();
    if (current === undefined) break;
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && /\.(md|markdown|txt)$/i.test(entry.name)) found.push(full);
    }
  }
  return found.sort();
}

/** The seed first, then every valid corpus post; duplicates (the seed is also in the corpus) dropped. */
export async function loadBodySources(sharedDir: string): Promise<{ sources: BodySource[]; skipped: string[] }> {
  const sources: BodySource[] = [];
  const skipped: string[] = [];
  if (!existsSync(sharedDir)) return { sources: [syntheticSource()], skipped };
  const seen = new Set<string>();
  const seedFiles = existsSync(path.join(sharedDir, "seed")) ? await listFiles(path.join(sharedDir, "seed")) : [];
  const corpusFiles = existsSync(path.join(sharedDir, "corpus")) ? await listFiles(path.join(sharedDir, "corpus")) : [];
  for (const [index, file] of [...seedFiles, ...corpusFiles].entries()) {
    const split = splitPost(await fs.readFile(file, "utf8"));
    const origin = path.relative(sharedDir, file);
    if (!split) {
      skipped.push(origin);
      continue;
    }
    const hash = createHash("sha256").update(split.body).digest("hex");
    if (seen.has(hash)) continue;
    seen.add(hash);
    sources.push({ origin, title: split.title, body: split.body, isSeed: index < seedFiles.length });
  }
  if (sources.length === 0) sources.push(syntheticSource());
  return { sources, skipped };
}

/** A seed-like body when ../shared is absent: paragraphs, 4 h2 sections, 36kr entity links. */
function syntheticSource(): BodySource {
  const link = (id: number, name: string, referType: 1 | 2): string =>
    `<a class="project-link" data-id="${id}" data-name="${name}" data-logo="https://img.36krcdn.com/20200916/v2_logo_${id}_img_png" ` +
    `data-refer-type="${referType}" href="${referType === 2 ? `https://36kr.com/projectDetails/${id}` : `https://www.36dianping.com/space/${id}?mp=zzquote`}" target="_blank">${name}</a>`;
  const entities = [link(3968527, "微信", 2), link(44580, "开课", 1), link(71257, "良品铺子", 2), link(601048, "名创优品", 2)];
  const paragraph = (n: number): string =>
    `<p>零售数字化的第 ${n} 个观察：${entities[n % entities.length] ?? ""}在小程序、视频号与企业微信之间打通了经营链路，` +
    `商家从公域引流到私域沉淀，再回到线下门店完成履约，整个过程的效率比过去提升了三成以上。</p> `;
  const sections = ["01 小程序：满足细分行业的经营需求", "02 企业微信：对外连接消费者", "03 视频号：直播成为新的增长点", "04 支付：打通线上线下"];
  const lines = ["", "<div>   "];
  for (const [index, heading] of sections.entries()) {
    lines.push(`<h2 label="一级标题" style><strong>${heading}</strong></h2> `);
    for (let n = 0; n < 6; n += 1) lines.push(paragraph(index * 6 + n));
  }
  lines.push("</div>", "            ");
  return { origin: "synthetic", title: "今年微信公开课，有关零售的四个关键场景", body: lines.join("\n"), isSeed: true };
}

/** Makes a body unique: a numbered paragraph after the opening div, and a number in the first heading. */
export function uniqueBody(body: string, n: number): string {
  const marker = `<p>第 ${n} 篇</p>\n`;
  const divAt = body.indexOf("<div>");
  let out: string;
  if (divAt === -1) out = `\n${marker}${body}`;
  else {
    const lineEnd = body.indexOf("\n", divAt);
    out = lineEnd === -1 ? `${body.slice(0, divAt + 5)}${marker}${body.slice(divAt + 5)}` : `${body.slice(0, lineEnd + 1)}${marker}${body.slice(lineEnd + 1)}`;
  }
  return out.replace(/<\/h([2-4])>/, (closing) => `（${n}）${closing}`);
}

function quoteYaml(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A file name from a title, as Hexo does (slashes replaced), short enough for any file system. */
function fileNameFor(title: string, n: number): string {
  const base = Array.from(title.replace(/[/\\\0\n\r]/g, "_").trim()).slice(0, 50).join("");
  return `${base} 第${n}篇.md`;
}

/** One post in the seed's exact front matter layout. */
export function renderPost(options: { title: string; categories: readonly string[]; author: string; date: Date; image: string; body: string }): string {
  const lines = [
    "",
    "---",
    `title: ${quoteYaml(options.title)}`,
    "categories: ",
    ...options.categories.map((name) => ` - ${name}`),
    `headimg: ${quoteYaml(options.image)}`,
    `author: ${options.author}`,
    "comments: false",
    `date: ${options.date.toUTCString()}`,
    `thumbnail: ${quoteYaml(options.image)}`,
    "---",
  ];
  return `${lines.join("\n")}\n${options.body}`;
}

/** Writes `count` posts into `dir` (created empty), nested as `<category>/<site>/<feed>/<title>.md`. */
export async function generateContent(dir: string, count: number, sources: BodySource[], skipped: string[]): Promise<GeneratedContent> {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const random = seededRandom(count);
  const span = LAST_DATE - FIRST_DATE;
  const madeDirs = new Set<string>();
  let seedTitle = "";
  const writes: Promise<void>[] = [];
  for (let index = 0; index < count; index += 1) {
    const n = index + 1;
    const source = sources[index % sources.length];
    if (!source) throw new Error("no body sources");
    const categories = pick(CATEGORY_PATHS, random);
    const author = pick(AUTHORS, random);
    const title = `${source.title}（第 ${n} 篇）`;
    if (source.isSeed && seedTitle === "") seedTitle = title;
    // Spread evenly over five years, with up to two days of jitter, to whole seconds like the real feeds.
    const date = new Date(Math.floor((FIRST_DATE + (span * index) / count + random() * 2 * 86_400_000) / 1000) * 1000);
    const image = `https://picsum.photos/400/300?random=${1000 + Math.floor(random() * 9000)}`;
    const folder = path.join(dir, ...categories);
    if (!madeDirs.has(folder)) {
      await fs.mkdir(folder, { recursive: true });
      madeDirs.add(folder);
    }
    const text = renderPost({ title, categories, author, date, image, body: uniqueBody(source.body, n) });
    writes.push(fs.writeFile(path.join(folder, fileNameFor(source.title, n)), text));
    // Bounded concurrency: at most 64 writes in flight.
    if (writes.length >= 64) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
  return { dir, count, bodySources: sources.length, skipped, seedTitle };
}

export interface SampleContent {
  dir: string;
  /** Title of the seed post when ../shared/seed holds one that parses, else null. */
  seedTitle: string | null;
}

/**
 * The load test's site: the project's own content/ plus ../shared/seed when it
 * exists, copied side by side into `dir` as e2e/prepare.sh does, so the real
 * seed article can be served without touching content/.
 */
export async function prepareSampleContent(dir: string, contentDir: string, sharedDir: string): Promise<SampleContent> {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  await fs.cp(contentDir, path.join(dir, "sample"), { recursive: true });
  const seedDir = path.join(sharedDir, "seed");
  if (!existsSync(seedDir)) return { dir, seedTitle: null };
  await fs.cp(seedDir, path.join(dir, "seed"), { recursive: true });
  for (const file of await listFiles(seedDir)) {
    const split = splitPost(await fs.readFile(file, "utf8"));
    if (split) return { dir, seedTitle: split.title };
  }
  return { dir, seedTitle: null };
}

/**
 * Changes one post under `dir` (the first in path order), as a feed-fed archive's next build finds it: one more
 * paragraph in its body. A warm build after it re-processes that post and reuses every other one.
 */
export async function changeOnePost(dir: string): Promise<string> {
  const [first] = await listFiles(dir);
  if (!first) throw new Error(`no posts in ${dir}`);
  await fs.appendFile(first, `\n<p>更新于 ${new Date().toISOString()}。</p>\n`);
  return first;
}
