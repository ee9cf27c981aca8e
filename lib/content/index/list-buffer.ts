import type { ListRef } from "../../store/model";

/** Collects every list of the store (article ids, newest first) into the one array `lists.bin` is written from. */
export class ListBuffer {
  private readonly lists: number[][] = [];
  private length = 0;

  /** Adds a list; returns where it will sit. */
  add(ids: readonly number[]): ListRef {
    const ref = { start: this.length, count: ids.length };
    this.lists.push([...ids]);
    this.length += ids.length;
    return ref;
  }

  /** Every list, end to end. */
  toArray(): Uint32Array {
    const all = new Uint32Array(this.length);
    let at = 0;
    for (const list of this.lists) {
      all.set(list, at);
      at += list.length;
    }
    return all;
  }
}
