import type { TocHeading } from "../../store/model";

/** An inline 36kr entity link as found in a body, after sanitizing. */
export interface EntityRef {
  key: string;
  id: string;
  name: string;
  logo: string | null;
  referType: string;
  href: string;
}

/** An entity link left plain because its text is only part of a longer word (`partial-word-links.ts`). */
export interface PartialWordLink {
  text: string;
  /** The link's text with a few characters of its sentence on each side. */
  context: string;
}

/** What sanitizing one body produces: the HTML and what was read from the same tree. */
export interface SanitizedBody {
  html: string;
  headings: TocHeading[];
  entities: EntityRef[];
  partialWordLinks: PartialWordLink[];
  /** Plain text start of the body, for excerpts. */
  textStart: string;
  hanCount: number;
  latinWordCount: number;
}
