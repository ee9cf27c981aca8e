import type { CategoryNode, CategoryPath } from "../../store/model";
import { nameToSegment } from "../slugs";
import type { ListBuffer } from "./list-buffer";
import { uniqueSegment } from "./url-segments";

interface GrowingNode {
  name: string;
  names: string[];
  segments: string[];
  articleIds: number[];
  children: GrowingNode[];
}

/** Builds the category tree as articles are added newest first; siblings that slug alike get `-1`, `-2`. */
export class CategoryTreeBuilder {
  private readonly roots: GrowingNode[] = [];

  /** Adds article `id` to every level of the path and returns the path's names and URL segments. */
  add(names: string[], id: number): CategoryPath {
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

  /** The tree, every level sorted by article count (then name, in Chinese collation), its lists put in `lists`. */
  finish(lists: ListBuffer): CategoryNode[] {
    const finishLevel = (nodes: GrowingNode[]): CategoryNode[] =>
      [...nodes]
        .sort((a, b) => b.articleIds.length - a.articleIds.length || a.name.localeCompare(b.name, "zh-CN"))
        .map((node) => ({
          name: node.name,
          segments: node.segments,
          names: node.names,
          count: node.articleIds.length,
          list: lists.add(node.articleIds),
          children: finishLevel(node.children),
        }));
    return finishLevel(this.roots);
  }
}
