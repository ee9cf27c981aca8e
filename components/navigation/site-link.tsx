import type { ComponentProps } from "react";

/**
 * A link to a page of the site: a plain `<a>`, which `ClientNavigation` (one listener for the whole page) prefetches
 * when the reader points at it, focuses it or touches it, and follows without loading a new document.
 *
 * Not next/link: each next/link is a client component, with hooks and an effect of its own to hydrate, and the
 * home page has 89 links. As plain links, its Lighthouse total blocking time (mobile preset) went from 673 to
 * 524 ms and its performance score from 79 to 84 (medians of five runs of each build, taken in turn). next/link
 * with its default prefetching was worse still: every link scrolled into view was fetched, 85 requests and
 * about 2 s of script on a phone for the home page alone.
 */
export function SiteLink(props: ComponentProps<"a"> & { href: string }) {
  return <a {...props} />;
}
