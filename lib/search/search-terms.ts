/**
 * How text is cut into searchable terms, the same way when the index is built (`lib/content/search/`) and when a
 * query is answered (`lib/store/search-index.ts`).
 *
 * Chinese: why not a word segmenter. Two dictionaries disagree on names they do not know (周大福 is one word to
 * one and three to another; Pagefind's build-time jieba and query-time `Intl.Segmenter` disagree on everyday words,
 * its issue #1237), and a word the index cut differently from the query is never found. Characters and overlapping
 * pairs of characters need no dictionary: 周大福珠宝 is indexed as 周 大 福 珠 宝 and 周大 大福 福珠 珠宝; a query
 * for 周大福 asks for the articles with 周大 and 大福 and keeps those whose text has 周大福 itself. Every article
 * that contains the query's characters contains its pairs, so none is missed whatever words its text is made of.
 *
 * Latin: letters and digits are words, everything else parts them, so that `7-Zip：https`, `tokens_per_second` and
 * `（ID:LP）` are found by each of their words; case does not matter.
 */

/** Han, kana: scripts written without spaces between words. */
const IDEOGRAPH = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}";
/** Ideograph runs and words; whitespace, punctuation and symbols part them. */
const PIECES = new RegExp(`([${IDEOGRAPH}]+)|((?:(?![${IDEOGRAPH}])[\\p{L}\\p{M}\\p{N}])+)`, "gu");
const WORD_JOINER = /\u2060/g;
/** Longer words are indexed and looked up by their first this many characters (the index stores a term's length in a byte). */
export const MAX_WORD_LENGTH = 48;

/**
 * Full-width letters and digits become ASCII (ＯｐｅｎＣＶ = OpenCV), on both sides. Only those: NFKC would also turn
 * the text's full-width punctuation (，：) into ASCII in the snippets readers see.
 */
export function normalize(text: string): string {
  return text.replace(WORD_JOINER, "").replace(/[０-９Ａ-Ｚａ-ｚ]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0));
}

function wordTerm(word: string): string {
  return Array.from(word.toLowerCase()).slice(0, MAX_WORD_LENGTH).join("");
}

/** Calls `visit` with every term of `text` (already `normalize`d), once per occurrence, in order. */
export function forEachTerm(text: string, visit: (term: string) => void): void {
  for (const [, run, word] of text.matchAll(PIECES)) {
    if (run) {
      let previous = "";
      for (const character of run) {
        visit(character);
        if (previous !== "") visit(previous + character);
        previous = character;
      }
    } else if (word) {
      visit(wordTerm(word));
    }
  }
}

export interface SearchQuery {
  /** The index terms every result has: each ideograph run's pairs (its character, for a run of one), each word. */
  terms: string[];
  /** Ideograph runs of three characters or more: their pairs can be found apart, so a result must contain the run. */
  phrases: string[];
  /** What results highlight: each ideograph run whole, each word as typed. */
  highlightTerms: string[];
}

/** At most this many characters of a query are read: a query is a few words, not a page. */
export const MAX_QUERY_LENGTH = 200;

/** A reader's query in the index's terms; `terms` is empty when the query has nothing searchable. */
export function parseQuery(query: string): SearchQuery {
  const terms = new Set<string>();
  const phrases = new Set<string>();
  const highlightTerms = new Set<string>();
  for (const [, run, word] of normalize(query.slice(0, MAX_QUERY_LENGTH)).matchAll(PIECES)) {
    if (run) {
      const characters = Array.from(run);
      if (characters.length === 1) terms.add(run);
      for (let at = 0; at + 1 < characters.length; at += 1) terms.add(`${characters[at]}${characters[at + 1]}`);
      if (characters.length >= 3) phrases.add(run);
      highlightTerms.add(run);
    } else if (word) {
      terms.add(wordTerm(word));
      highlightTerms.add(word);
    }
  }
  return { terms: [...terms], phrases: [...phrases], highlightTerms: [...highlightTerms] };
}
