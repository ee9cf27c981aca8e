import { currentStore } from "@/lib/store/read-store";
import { atomFeed, FEED_ENTRIES } from "@/lib/site/feed";
import { siteConfig } from "@/site.config";

// Written once by `next build` from the content store, like the pages.
export const dynamic = "force-static";

export function GET(): Response {
  const store = currentStore();
  const documents = store.newest(FEED_ENTRIES).flatMap((summary) => store.document(summary.slug) ?? []);
  return new Response(atomFeed(siteConfig, documents, store.manifest.builtAt), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8" },
  });
}
