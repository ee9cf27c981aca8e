/**
 * How text is cut into searchable words, the same way when the index is built and when a reader queries it. Runs on
 * both sides: `lib/content/search/` at build time, `components/search/` in the browser. Pagefind is told the text is
 * in no particular language (`SEARCH_LANGUAGE`), so it only splits on whitespace: every cut is made here.
 *
 * Chinese: why not a word segmenter. Pagefind cuts Chinese with jieba when it builds and with the browser's
 * `Intl.Segmenter` when it queries, and the two disagree (Pagefind issue #1237: everyday words fall from 6–9 results
 * to 1), as any two dictionaries do on names they do not know (周大福 is one word to one and three to the other).
 * Overlapping pairs of characters need no dictionary: 周大福珠宝 is indexed as 周大 大福 福珠 珠宝 宝0, and a query for
 * 周大福 asks for 周大 and 大福 in a row. Every article that contains the query's characters contains its pairs, so
 * none is missed whatever words its text is made of.
 *
 * The last character of each run is indexed too, as `宝0`: a one-character query (Pagefind matches prefixes) then
 * finds runs ending with it. The `0` keeps it from being a word of one character, because when no word starts with a
 * query's term, Pagefind falls back to the longest word the term starts with: a query for 周大福 in an archive
 * without it would otherwise find every article with a run ending in 周.
 *
 * Latin: letters and digits are words, everything else parts them, so that `7-Zip：https`, `tokens_per_second` and
 * `（ID:LP）` are found by each of their words (Pagefind keeps such a chunk whole and finds only some of its parts).
 */

/** Han, kana: scripts written without spaces between words. */
const IDEOGRAPH = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}";
/** The text cut into ideograph runs, words, whitespace and the rest (punctuation, symbols). */
const PIECES = new RegExp(`([${IDEOGRAPH}]+)|((?:(?![${IDEOGRAPH}])[\\p{L}\\p{M}\\p{N}])+)|(\\s+)|([^\\s\\p{L}\\p{M}\\p{N}]+)`, "gu");
const RUN_END = "0";
/**
 * Set between two pieces the source has no whitespace between: a space for Pagefind to split on, marked with word
 * joiners (invisible, not whitespace, not part of any word) so that `readableText` can take it out again exactly.
 */
const BREAK = "\u2060 \u2060";
const WORD_JOINER = /\u2060/g;
/** One encoded run: its pairs, then the marked last character. */
const ENCODED_RUN = new RegExp(`(?<![${IDEOGRAPH}])((?:[${IDEOGRAPH}]{2} )*)([${IDEOGRAPH}])${RUN_END}(?![\\p{L}\\p{N}])`, "gu");

/**
 * Full-width letters and digits become ASCII (ＯｐｅｎＣＶ = OpenCV), on both sides. Only those: NFKC would also turn
 * the text's full-width punctuation (，：) into ASCII in the snippets readers see.
 */
export function normalize(text: string): string {
  return text.replace(WORD_JOINER, "").replace(/[０-９Ａ-Ｚａ-ｚ]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0));
}

function pairs(run: string): string[] {
  const characters = Array.from(run);
  const result: string[] = [];
  for (let at = 0; at + 1 < characters.length; at += 1) result.push(`${characters[at]}${characters[at + 1]}`);
  return result;
}

/** The text Pagefind indexes: ideograph runs as their pairs and marked last character, every piece apart from the next. */
export function indexableText(text: string): string {
  let encoded = "";
  let afterSpace = true;
  for (const [, run, word, space, other] of normalize(text).matchAll(PIECES)) {
    if (space) {
      encoded += " ";
      afterSpace = true;
      continue;
    }
    const piece = run ? [...pairs(run), `${Array.from(run).at(-1) ?? ""}${RUN_END}`].join(" ") : (word ?? other ?? "");
    encoded += (afterSpace ? "" : BREAK) + piece;
    afterSpace = false;
  }
  return encoded.trim();
}

export interface SearchQuery {
  /** What is passed to Pagefind: each ideograph run as its pairs, each word lower-cased; every term must match. */
  pagefindTerms: string;
  /** The words to highlight in results: each ideograph run whole, each word. */
  highlightTerms: string[];
  /** The most pairs one ideograph run of the query has: a result must have that many matched words in a row. */
  longestRun: number;
}

/** A reader's query in the index's terms; `pagefindTerms` is empty when the query has nothing searchable. */
export function parseQuery(query: string): SearchQuery {
  const terms = new Set<string>();
  const highlightTerms = new Set<string>();
  let longestRun = 0;
  for (const [, run, word] of normalize(query).matchAll(PIECES)) {
    if (run) {
      const runPairs = pairs(run);
      longestRun = Math.max(longestRun, runPairs.length);
      for (const term of runPairs.length > 0 ? runPairs : [run]) terms.add(term);
      highlightTerms.add(run);
    } else if (word) {
      terms.add(word.toLowerCase());
      highlightTerms.add(word);
    }
  }
  return { pagefindTerms: [...terms].join(" "), highlightTerms: [...highlightTerms], longestRun };
}

/**
 * The source text back from what Pagefind stores (`indexableText`, its whitespace collapsed): runs and breaks
 * undone. Full-width letters and digits come back as ASCII (`normalize`).
 */
export function readableText(indexed: string): string {
  return indexed
    .replace(ENCODED_RUN, (_match, pairRun: string, last: string) => {
      const firsts = pairRun.split(" ").filter((pair) => pair !== "").map((pair) => Array.from(pair)[0] ?? "");
      return firsts.join("") + last;
    })
    .split(BREAK)
    .join("")
    .replace(WORD_JOINER, "");
}
