import type { ReactNode } from "react";
import { currentStore } from "@/lib/store/read-store";
import { provideArticleParts } from "./article-parts-source";
import { ArticleBodyIsland } from "./article-body.client";

// The islands' server-side HTML render reads the body and the entity cards from the store by slug
// (see article-parts-source.ts).
provideArticleParts((slug) => currentStore().articleParts(slug));

/**
 * The article's body, server-rendered into the page's HTML but not into its inline data: the island adopts the
 * HTML the browser parsed (article-body.client.tsx). `children` (the TOC tracker, the hover cards) mount once the
 * body is in the page, which after a client navigation is when it has been fetched.
 */
export function ArticleBody({ slug, children }: { slug: string; children?: ReactNode }) {
  return (
    <ArticleBodyIsland
      slug={slug}
      className="article-body prose prose-zinc max-w-none text-[17px] prose-headings:font-semibold prose-h2:mt-10 prose-h2:text-[1.35em] prose-h3:text-[1.15em] prose-a:underline-offset-4 prose-pre:rounded-lg prose-pre:text-[13px] prose-img:mx-auto sm:text-[18px]"
    >
      {children}
    </ArticleBodyIsland>
  );
}
