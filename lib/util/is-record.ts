/**
 * Checks on values parsed from JSON or YAML that nobody has vouched for yet (front matter, a file another
 * program wrote), so they are narrowed instead of cast.
 */

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** An array of strings. */
export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

/** An array of integers (a headline's `titleBreaks`, in the answers of the parts and search endpoints). */
export function isIntegerArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => Number.isInteger(item));
}
