import { createHash } from "node:crypto";
import { SLUG_HASH_BYTES } from "./format";

/**
 * The key `slugs.idx` is sorted by: the first 8 bytes of the slug's SHA-1, compared as bytes. Fixed-width keys
 * make the table a plain array searchable on disk; a collision (two slugs, one key) is told apart by reading
 * the candidates' summaries.
 */
export function slugHash(slug: string): Buffer {
  return createHash("sha1").update(slug).digest().subarray(0, SLUG_HASH_BYTES);
}
