import { decodeHTML } from "entities";

/** C0 and C1 control characters other than whitespace: never meaningful in a title or a name, and they reach terminals. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

/** Collapses runs of whitespace (including full-width spaces) to one space, drops control characters, and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "").replace(/[\s\u3000\u00a0]+/g, " ").trim();
}

/**
 * Front matter text may hold HTML character references (the generator wrote
 * `&#123;` for `{`); they are decoded once here and the result is plain text,
 * escaped by React wherever it is shown.
 */
export function decodeCharacterReferences(text: string): string {
  return decodeHTML(text);
}

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z0-9\u00c0-\u024f]+(?:['’.-][A-Za-z0-9\u00c0-\u024f]+)*/g;

/** Counts what reading time is made of: Han characters and Latin-script words. */
export function countReadingUnits(text: string): { han: number; latinWords: number } {
  return { han: text.match(HAN)?.length ?? 0, latinWords: text.match(LATIN_WORD)?.length ?? 0 };
}

/** Minutes to read: 300 Han characters a minute plus about 200 English words a minute; at least 1. */
export function readingMinutes(han: number, latinWords: number): number {
  return Math.max(1, Math.round(han / 300 + latinWords / 200));
}

/** Cuts text to about `length` characters without splitting a surrogate pair, adding an ellipsis. */
export function truncateText(text: string, length: number): string {
  const characters = Array.from(text);
  if (characters.length <= length) return text;
  return `${characters.slice(0, length).join("").trimEnd()}…`;
}
