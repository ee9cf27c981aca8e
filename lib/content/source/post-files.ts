/** File endings that hold posts; everything else in the content folder (images, notes) is left alone. */
export const POST_EXTENSIONS = [".md", ".markdown", ".html", ".txt"] as const;

/** `.md`, `.markdown`, … at the end of a name, in any case. */
const POST_EXTENSION = new RegExp(`\\.(?:${POST_EXTENSIONS.map((ending) => ending.slice(1)).join("|")})$`, "i");

/** Whether a file name is a post's. */
export function isPostFile(name: string): boolean {
  return POST_EXTENSION.test(name);
}

/** A post's file name without its ending: the default of its title and URL. */
export function withoutPostExtension(name: string): string {
  return name.replace(POST_EXTENSION, "");
}
