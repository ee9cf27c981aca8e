import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";

/** A letter or digit of any script: a token made of them is a word, not punctuation or space. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** Text without two neighbouring letters or digits from a script written without spaces has nothing to mark. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

let dictionarySegmenter: Jieba | null = null;
const platformSegmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** Where `text` changes from one word to the next: the offsets (UTF-16) after each word-like token. */
function wordEnds(tokens: Iterable<string>): Set<number> {
  const ends = new Set<number>();
  let offset = 0;
  let previousIsWord = false;
  for (const token of tokens) {
    const isWord = WORD_CHARACTER.test(token);
    if (isWord && previousIsWord) ends.add(offset);
    offset += token.length;
    previousIsWord = isWord;
  }
  return ends;
}

/**
 * Where a headline may wrap between two words: the offsets between two neighbouring words, ascending. A page
 * marks them with `<wbr>` and lets the headline break nowhere else between Chinese characters
 * (`word-break: keep-all`), so a balanced headline never splits a word across lines (之|后, 回|顾). Spaces and
 * punctuation keep their own break rules, so no offset is given beside them.
 *
 * Two segmenters must agree on a boundary: jieba's dictionary knows most words, but cuts some names and
 * numbers (双十|一) that the platform's ICU segmenter keeps (双|十一); where either sees one word, the line does
 * not break. Computed once per article at build time, like everything else read from the text.
 */
export function titleBreaks(text: string): number[] {
  if (!UNSPACED_SCRIPT.test(text)) return [];
  dictionarySegmenter ??= Jieba.withDict(dict);
  const dictionaryEnds = wordEnds(dictionarySegmenter.cut(text, false));
  const platformEnds = wordEnds(Array.from(platformSegmenter.segment(text), (segment) => segment.segment));
  return [...dictionaryEnds].filter((offset) => platformEnds.has(offset)).sort((a, b) => a - b);
}
