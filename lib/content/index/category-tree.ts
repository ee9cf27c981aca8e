import type { CategoryNode } from "../../store/model";
import { nameToSegment } from "../slugs";
import { uniqueSegment } from "./url-segments";

/** Builds the category tree as articles are added newest first; siblings that slug alike get `-1`, `-2`. */
export class CategoryTreeBuilder {
  private readonly roots: CategoryNode[] = [];

  /** Adds article `id` to every level of the path and returns the path's names and URL segments. */
  add(names: string[], id: number): { names: string[]; segments: string[] } {
    let level = this.roots;
    const segments: string[] = [];
    names.forEach((name, depth) => {
      let node = level.find((candidate) => candidate.name === name);
      if (!node) {
        const siblings = level;
        const segment = uniqueSegment(nameToSegment(name), (candidate) => siblings.some((sibling) => sibling.segments.at(-1) === candidate));
        node = { name, names: names.slice(0, depth + 1), segments: [...segments, segment], articleIds: [], children: [] };
        level.push(node);
      }
      segments.push(node.segments.at(-1) ?? "");
      if (node.articleIds.at(-1) !== id) node.articleIds.push(id);
      level = node.children;
    });
    return { names, segments };
  }

  /** The tree, every level sorted by article count (then name, in Chinese collation). */
  finish(): CategoryNode[] {
    const sortLevel = (nodes: CategoryNode[]): CategoryNode[] => {
      nodes.sort((a, b) => b.articleIds.length - a.articleIds.length || a.name.localeCompare(b.name, "zh-CN"));
      for (const node of nodes) sortLevel(node.children);
      return nodes;
    };
    return sortLevel(this.roots);
  }
}
