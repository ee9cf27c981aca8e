import Link from "next/link";
import { currentStore } from "@/lib/store/read-store";
import { FEED_PATH } from "@/lib/site/feed";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";
import { siteConfig } from "@/site.config";

export function SiteFooter() {
  const hasTags = currentStore().manifest.tagCount > 0;
  return (
    <footer className="mt-16 border-t border-zinc-200 py-10 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>
          <span className="font-medium text-zinc-800 dark:text-zinc-200">{siteConfig.title}</span> · {siteConfig.description}
        </p>
        <nav aria-label="站点">
          <ul className="flex gap-4">
            <li><Link className="hover:text-zinc-950 dark:hover:text-white" href={urls.categories()}>{ui.categories}</Link></li>
            <li><Link className="hover:text-zinc-950 dark:hover:text-white" href={urls.authors()}>{ui.authors}</Link></li>
            {hasTags ? <li><Link className="hover:text-zinc-950 dark:hover:text-white" href={urls.tags()}>{ui.tags}</Link></li> : null}
            {/* A plain link: the feed is a file for feed readers, not a page for the client router. */}
            <li><a className="hover:text-zinc-950 dark:hover:text-white" href={FEED_PATH} type="application/atom+xml">{ui.feed}</a></li>
          </ul>
        </nav>
      </div>
      <p className="mx-auto mt-3 max-w-6xl px-4 text-xs text-zinc-500 sm:px-6 dark:text-zinc-500">{ui.footerNote}</p>
    </footer>
  );
}
