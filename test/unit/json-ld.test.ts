import { describe, expect, it } from "vitest";
import { jsonForScriptElement } from "../../lib/site/json-ld";
import { FRONT_MATTER_VECTORS } from "../fixtures/hostile/vectors";

describe("JSON inside a <script> element", () => {
  const hostileTitles = FRONT_MATTER_VECTORS.filter((vector) => vector.field === "title" || vector.field === "description").flatMap((vector) => vector.value);

  it.each(hostileTitles)("cannot end or change the element, and parses back to the same value: %s", (title) => {
    const value = { headline: title, nested: [title] };
    const json = jsonForScriptElement(value);
    expect(json).not.toMatch(/<|>|&|\u2028|\u2029/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
