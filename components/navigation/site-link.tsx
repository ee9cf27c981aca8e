import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * next/link without viewport prefetching; `PrefetchOnIntent` prefetches a link when the reader points at it,
 * focuses it or touches it. A default next/link prefetches every link that scrolls into view, several requests
 * each (one per route segment), and the router decodes every answer on the main thread: on a phone that was
 * 85 requests and about 2 s of script for the home page alone (Lighthouse, mobile preset).
 */
export function SiteLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link prefetch={false} {...props} />;
}
