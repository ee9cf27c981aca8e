import type { StoreFileName } from "./format";
import type { CategoryNode, ListRef } from "./model";

/** `manifest.json`: what a server reads first and keeps — small, whatever the size of the archive. */
export interface StoreManifest {
  formatVersion: number;
  builtAt: string;
  articleCount: number;
  entityCount: number;
  authorCount: number;
  tagCount: number;
  /** Every article, newest first. */
  home: ListRef;
  categories: CategoryNode[];
  /** The size of every other file when written: a store whose files do not match was swapped halfway or damaged. */
  sizes: Partial<Record<StoreFileName, number>>;
}
