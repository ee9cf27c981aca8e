import { SiteLink } from "@/components/navigation/site-link";
import { currentStore } from "@/lib/store/read-store";
import { ui } from "@/lib/site/ui-text";
import { FEED_PATH, urls } from "@/lib/site/urls";
import { siteConfig } from "@/site.config";

export function SiteFooter() {
  const { tagCount, entityCount } = currentStore().manifest;
  return (
    <footer className="mt-16 border-t border-line py-10 text-sm text-ink-muted">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>
          <span className="font-medium text-ink-body">{siteConfig.title}</span> · {siteConfig.description}
        </p>
        <nav aria-label="站点">
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            <li><SiteLink className="hover:text-ink" href={urls.categories()}>{ui.categories}</SiteLink></li>
            <li><SiteLink className="hover:text-ink" href={urls.authors()}>{ui.authors}</SiteLink></li>
            {entityCount > 0 ? <li><SiteLink className="hover:text-ink" href={urls.entities()}>{ui.entitiesShort}</SiteLink></li> : null}
            {tagCount > 0 ? <li><SiteLink className="hover:text-ink" href={urls.tags()}>{ui.tags}</SiteLink></li> : null}
            {/* A plain link: the feed is a file for feed readers, not a page for the client router. */}
            <li><a className="hover:text-ink" href={FEED_PATH} type="application/atom+xml">{ui.feed}</a></li>
          </ul>
        </nav>
      </div>
      <p className="mx-auto mt-3 max-w-6xl px-4 text-xs text-ink-meta sm:px-6">{ui.footerNote}</p>
    </footer>
  );
}
