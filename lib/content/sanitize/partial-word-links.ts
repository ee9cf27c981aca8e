import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";

/** How much text on each side of a link is segmented with it: enough for the words that touch it. */
const CONTEXT_CHARACTERS = 12;
/** A letter or digit of any script: a link's end touching one may be inside a word. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

let segmenter: Jieba | null = null;

/**
 * Whether an entity link's text is only part of a longer word of its sentence: the source links entity names
 * automatically, so published 36kr copies link 伊利 inside 伊利诺伊州立大学, 地面通 inside 地面通过, 开课 inside
 * 公开课. The link's surroundings are cut into words (jieba, with its dictionary of Chinese words: the
 * platform's `Intl.Segmenter` splits most names into single characters and so sees none of these) and the link
 * must begin and end on word boundaries. Not every such link is found: a name that is also a run of words on
 * its own (秒拍 in 每30秒拍) reads as words either way.
 */
export function isPartOfLongerWord(before: string, text: string, after: string): boolean {
  const left = before.slice(-CONTEXT_CHARACTERS);
  const right = after.slice(0, CONTEXT_CHARACTERS);
  const touchesLeft = WORD_CHARACTER.test(left.slice(-1)) && WORD_CHARACTER.test(text.slice(0, 1));
  const touchesRight = WORD_CHARACTER.test(text.slice(-1)) && WORD_CHARACTER.test(right.slice(0, 1));
  if (!touchesLeft && !touchesRight) return false;
  // Loaded by the first body that needs it: a build without such links never reads the dictionary.
  segmenter ??= Jieba.withDict(dict);
  const boundaries = new Set<number>([0]);
  let offset = 0;
  for (const word of segmenter.cut(left + text + right, false)) {
    offset += word.length;
    boundaries.add(offset);
  }
  return !boundaries.has(left.length) || !boundaries.has(left.length + text.length);
}

/** The text of `block` just before and just after `element`, up to `CONTEXT_CHARACTERS` of each. */
export function textAround(element: Element, block: Element): { before: string; after: string } {
  let before = "";
  let after = "";
  for (let node: Node | null = element; node && node !== block && (before.length < CONTEXT_CHARACTERS || after.length < CONTEXT_CHARACTERS); node = node.parentNode) {
    for (let sibling = node.previousSibling; sibling && before.length < CONTEXT_CHARACTERS; sibling = sibling.previousSibling) before = (sibling.textContent ?? "") + before;
    for (let sibling = node.nextSibling; sibling && after.length < CONTEXT_CHARACTERS; sibling = sibling.nextSibling) after += sibling.textContent ?? "";
  }
  return { before, after };
}
