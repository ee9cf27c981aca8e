import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import path from "node:path";
import {
  IN_TITLE,
  MAX_TERM_FREQUENCY,
  RESULTS_PER_PAGE,
  SEARCH_INDEX_FILES,
  SEARCH_INDEX_FOLDER,
  SEARCH_INDEX_FORMAT,
  termHash,
  type SearchIndexMeta,
} from "../search/search-index-format";
import type { SearchQuery } from "../search/search-terms";
import { isRecord } from "../util/is-record";

type IndexFile = "terms" | "postings" | "texts";

/** One page of a search's matches: their total, the totals per top-level category, the page's article ids. */
export interface SearchMatches {
  total: number;
  categoryCounts: Record<string, number>;
  ids: number[];
}

/** A term's articles, in id order, with their weight bytes. */
interface Postings {
  ids: Int32Array;
  weights: Uint8Array;
  frequency: number;
}

/**
 * Candidates for a query with a phrase (an ideograph run of three or more characters) are checked against their
 * text, at most this many: beyond, the total counts the unchecked ones too, and the shown results are checked.
 * Measured on the 100,000-article bench store: about 6.5 µs a candidate (人工智能, 6,250 candidates: 6 ms
 * unchecked, 46 ms checked), so the check costs at most about 65 ms.
 */
const PHRASE_CHECK_LIMIT = 10_000;
/** A term found in the title counts this much more than one more occurrence in the body. */
const TITLE_BOOST = 5;

export class SearchIndexError extends Error {}

function readMeta(file: string): SearchIndexMeta | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  const meta: unknown = JSON.parse(text);
  if (
    !isRecord(meta) ||
    meta.format !== SEARCH_INDEX_FORMAT ||
    typeof meta.articles !== "number" ||
    typeof meta.terms !== "number" ||
    typeof meta.buckets !== "number" ||
    !Array.isArray(meta.topCategories) ||
    !meta.topCategories.every((name) => typeof name === "string")
  ) {
    throw new SearchIndexError(`The search index at ${file} is from another version. Run \`npm run build\` again.`);
  }
  return { format: meta.format, articles: meta.articles, terms: meta.terms, buckets: meta.buckets, topCategories: meta.topCategories };
}

function float64File(file: string): Float64Array {
  const bytes = readFileSync(file);
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

/**
 * The store's search index (`search-index-format.ts`), as the server reads it to answer a query: the bucket table,
 * the top-level categories and where each text starts are kept in memory (about 20 bytes an article); a term's
 * entry, its postings and the texts of results are read when needed, with positioned reads.
 */
export class SearchIndex {
  private constructor(
    private readonly dir: string,
    readonly meta: SearchIndexMeta,
    private readonly buckets: Float64Array,
    private readonly textOffsets: Float64Array,
    private readonly topStarts: Uint32Array,
    private readonly tops: Uint16Array,
    private readonly files: Record<IndexFile, number>,
  ) {}

  /** The index of the store in `storeDir`, or null when the build made none. */
  static open(storeDir: string): SearchIndex | null {
    const dir = path.join(/*turbopackIgnore: true*/ storeDir, SEARCH_INDEX_FOLDER);
    const meta = readMeta(path.join(dir, SEARCH_INDEX_FILES.meta));
    if (!meta) return null;
    const file = (name: string): string => path.join(dir, name);
    try {
      const buckets = float64File(file(SEARCH_INDEX_FILES.buckets));
      const textOffsets = float64File(file(SEARCH_INDEX_FILES.textOffsets));
      const topsBytes = readFileSync(file(SEARCH_INDEX_FILES.tops));
      const startsLength = (meta.articles + 1) * 4;
      const copy = (from: number, to: number): ArrayBuffer => topsBytes.buffer.slice(topsBytes.byteOffset + from, topsBytes.byteOffset + to);
      const topStarts = new Uint32Array(copy(0, startsLength));
      const tops = new Uint16Array(copy(startsLength, topsBytes.length));
      if (buckets.length !== meta.buckets + 1 || textOffsets.length !== meta.articles + 1 || topStarts.length !== meta.articles + 1) throw new Error("sizes");
      const files = {
        terms: openSync(file(SEARCH_INDEX_FILES.terms), "r"),
        postings: openSync(file(SEARCH_INDEX_FILES.postings), "r"),
        texts: openSync(file(SEARCH_INDEX_FILES.texts), "r"),
      };
      return new SearchIndex(dir, meta, buckets, textOffsets, topStarts, tops, files);
    } catch {
      throw new SearchIndexError(`The search index at ${dir} is damaged. Run \`npm run build\` again.`);
    }
  }

  close(): void {
    for (const fd of Object.values(this.files)) closeSync(fd);
  }

  /**
   * The articles that have every term of `query` (and its phrases), ranked: terms weighted by how rare they are and
   * how often they occur, more when in the title; newer first among equals. Within `topCategory` when given; the
   * counts per top-level category are the query's without it. Results from `from` on, `RESULTS_PER_PAGE` at most.
   */
  search(query: SearchQuery, topCategory: string, from: number): SearchMatches {
    const empty: SearchMatches = { total: 0, categoryCounts: {}, ids: [] };
    if (query.terms.length === 0) return empty;
    const postings: Postings[] = [];
    for (const term of query.terms) {
      const found = this.postings(term);
      if (!found) return empty;
      postings.push(found);
    }
    const [rarest, ...others] = postings.sort((a, b) => a.frequency - b.frequency);
    if (!rarest) return empty;
    let { ids, scores } = this.scored(rarest);
    for (const next of others) ({ ids, scores } = this.intersect(ids, scores, next));

    // Pairs of a phrase found apart are no match: check the text, of every candidate while they are few.
    // (UTF-8 is self-synchronizing: the phrase's bytes are in the text's bytes exactly where the phrase is.)
    const phrases = query.phrases.map((phrase) => Buffer.from(phrase, "utf8"));
    let checkedAll = true;
    if (query.phrases.length > 0) {
      if (ids.length <= PHRASE_CHECK_LIMIT) {
        const kept = ids.map((id) => (this.hasPhrases(id, phrases) ? 1 : 0));
        ids = ids.filter((_, at) => kept[at] === 1);
        scores = scores.filter((_, at) => kept[at] === 1);
      } else {
        checkedAll = false;
      }
    }

    const topNumber = topCategory === "" ? -1 : this.meta.topCategories.indexOf(topCategory);
    const counts = new Map<number, number>();
    const inCategory: number[] = [];
    ids.forEach((id, at) => {
      const start = this.topStarts[id] ?? 0;
      const end = this.topStarts[id + 1] ?? start;
      let wanted = topCategory === "";
      for (let top = start; top < end; top += 1) {
        const number = this.tops[top] ?? 0;
        counts.set(number, (counts.get(number) ?? 0) + 1);
        if (number === topNumber) wanted = true;
      }
      if (wanted) inCategory.push(at);
    });
    inCategory.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || (ids[a] ?? 0) - (ids[b] ?? 0));

    const page: number[] = [];
    let skipped = 0;
    for (const at of inCategory) {
      if (page.length >= RESULTS_PER_PAGE) break;
      const id = ids[at] ?? -1;
      if (!checkedAll && !this.hasPhrases(id, phrases)) continue;
      if (skipped < from) {
        skipped += 1;
        continue;
      }
      page.push(id);
    }
    const categoryCounts = Object.fromEntries([...counts].map(([number, count]) => [this.meta.topCategories[number] ?? "", count]));
    return { total: inCategory.length, categoryCounts, ids: page };
  }

  /** The plain text of an article's body, as indexed. */
  bodyText(id: number): string {
    const text = this.text(id);
    return text.slice(text.indexOf("\u0000", text.indexOf("\u0000") + 1) + 1);
  }

  private scored(postings: Postings): { ids: Int32Array; scores: Float64Array } {
    const idf = this.idf(postings.frequency);
    return { ids: postings.ids, scores: Float64Array.from(postings.weights, (weight) => this.weigh(weight, idf)) };
  }

  /** The articles of `ids` that `postings` has too, their scores added up. */
  private intersect(ids: Int32Array, scores: Float64Array, postings: Postings): { ids: Int32Array; scores: Float64Array } {
    const idf = this.idf(postings.frequency);
    const keptIds: number[] = [];
    const keptScores: number[] = [];
    let other = 0;
    for (let at = 0; at < ids.length; at += 1) {
      const id = ids[at] ?? 0;
      while (other < postings.ids.length && (postings.ids[other] ?? 0) < id) other += 1;
      if (other >= postings.ids.length) break;
      if (postings.ids[other] === id) {
        keptIds.push(id);
        keptScores.push((scores[at] ?? 0) + this.weigh(postings.weights[other] ?? 0, idf));
      }
    }
    return { ids: Int32Array.from(keptIds), scores: Float64Array.from(keptScores) };
  }

  private idf(frequency: number): number {
    return Math.log(1 + this.meta.articles / Math.max(1, frequency));
  }

  private weigh(weight: number, idf: number): number {
    const occurrences = weight & MAX_TERM_FREQUENCY;
    return idf * (1 + Math.log(Math.max(1, occurrences)) + (weight & IN_TITLE ? TITLE_BOOST : 0));
  }

  /** A term's postings, or null when no article has it. */
  private postings(term: string): Postings | null {
    const bytes = Buffer.from(term, "utf8");
    const bucket = termHash(bytes) % this.meta.buckets;
    const start = this.buckets[bucket] ?? 0;
    const entries = this.read("terms", start, (this.buckets[bucket + 1] ?? start) - start);
    for (let at = 0; at < entries.length; ) {
      const length = entries.readUInt8(at);
      const matches = length === bytes.length && entries.subarray(at + 1, at + 1 + length).equals(bytes);
      if (matches) {
        const frequency = entries.readUInt32LE(at + 1 + length);
        const raw = this.read("postings", entries.readDoubleLE(at + 5 + length), entries.readUInt32LE(at + 13 + length));
        return { ...decodePostings(raw, frequency), frequency };
      }
      at += 1 + length + 16;
    }
    return null;
  }

  private textBytes(id: number): Buffer {
    const start = this.textOffsets[id] ?? 0;
    return this.read("texts", start, (this.textOffsets[id + 1] ?? start) - start);
  }

  private text(id: number): string {
    return this.textBytes(id).toString("utf8");
  }

  private hasPhrases(id: number, phrases: readonly Buffer[]): boolean {
    const text = this.textBytes(id);
    return phrases.every((phrase) => text.includes(phrase));
  }

  private read(file: IndexFile, position: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    if (length > 0 && readSync(this.files[file], bytes, 0, length, position) !== length) {
      throw new SearchIndexError(`The search index at ${this.dir} is damaged. Run \`npm run build\` again.`);
    }
    return bytes;
  }
}

function decodePostings(raw: Buffer, frequency: number): { ids: Int32Array; weights: Uint8Array } {
  const ids = new Int32Array(frequency);
  const weights = new Uint8Array(frequency);
  let id = -1;
  let at = 0;
  for (let posting = 0; posting < frequency; posting += 1) {
    let gap = 0;
    let scale = 1;
    for (;;) {
      const byte = raw[at] ?? 0;
      at += 1;
      gap += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 0x80;
    }
    id += gap;
    ids[posting] = id;
    weights[posting] = raw[at] ?? 0;
    at += 1;
  }
  return { ids, weights };
}
