import { nameToSegment } from "../slugs";

/** `base`, or `base-1`, `base-2`, … : the first that `isTaken` does not claim. */
export function uniqueSegment(base: string, isTaken: (segment: string) => boolean): string {
  let segment = base;
  for (let n = 1; isTaken(segment); n += 1) segment = `${base}-${n}`;
  return segment;
}

/** Stable, unique URL segments for a set of names; names that slug alike get `-1`, `-2` in name order. */
export function assignSegments(names: string[]): Map<string, string> {
  const segments = new Map<string, string>();
  const used = new Set<string>();
  for (const name of Array.from(new Set(names)).sort()) {
    const segment = uniqueSegment(nameToSegment(name), (candidate) => used.has(candidate));
    used.add(segment);
    segments.set(name, segment);
  }
  return segments;
}
