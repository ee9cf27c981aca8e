/**
 * Images load lazily without a Referer (the source hosts refuse foreign ones), and an image without a source or
 * with a size that is not a number loses it; wide tables scroll inside their own box instead of widening the
 * page on phones.
 */
export function decorateImages(images: Element[]): void {
  for (const image of images) {
    if (!image.getAttribute("src")) {
      image.remove();
      continue;
    }
    image.setAttribute("referrerpolicy", "no-referrer");
    image.setAttribute("loading", "lazy");
    image.setAttribute("decoding", "async");
    for (const dimension of ["width", "height"]) {
      const value = image.getAttribute(dimension);
      if (value !== null && !/^\d{1,5}$/.test(value.trim())) image.removeAttribute(dimension);
    }
  }
}

/** Wraps each table in a `div.table-scroll`. */
export function wrapTables(tables: Element[]): void {
  for (const table of tables) {
    const wrapper = table.ownerDocument.createElement("div");
    wrapper.setAttribute("class", "table-scroll");
    table.replaceWith(wrapper);
    wrapper.append(table);
  }
}
