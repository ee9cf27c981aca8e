import { SiteLink } from "@/components/navigation/site-link";
import { currentStore } from "@/lib/store/read-store";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";
import { siteConfig } from "@/site.config";
import { HeaderSearch } from "@/components/search/header-search";
import { FocusedLinkInView } from "./focused-link-in-view.client";
import { ThemeToggle } from "./theme-toggle.client";

const MAX_HEADER_CATEGORIES = 6;
const CATEGORY_ROW_ID = "header-categories";

/** Sticky header: site name, the top-level categories (scrolling sideways on phones), search and the theme toggle. */
export function SiteHeader() {
  const { categories, entityCount } = currentStore().manifest;
  const topCategories = categories.slice(0, MAX_HEADER_CATEGORIES);
  const hasEntities = entityCount > 0;
  return (
    <header
      id="site-header"
      className="sticky top-0 z-40 h-[var(--header-height)] border-b border-line/80 bg-surface/90 backdrop-blur supports-[backdrop-filter]:bg-surface/75"
    >
      <div className="mx-auto flex h-full max-w-6xl items-center gap-3 px-4 sm:gap-6 sm:px-6">
        <SiteLink href={urls.home()} className="shrink-0 text-lg font-semibold tracking-wide text-ink">
          <span aria-hidden="true" className="mr-1.5 inline-block rounded bg-accent-600 px-1.5 py-0.5 text-sm text-white">
            阅
          </span>
          {siteConfig.title}
        </SiteLink>
        {/* On a phone the list scrolls sideways: its right edge fades out to show there is more, and trailing
            padding lets the last entry scroll clear of the fade. A focused link is scrolled fully into view
            (FocusedLinkInView), and while one has keyboard focus the fade goes; the vertical padding leaves room
            for its focus ring, which the scrolling box would otherwise clip. */}
        <nav
          id={CATEGORY_ROW_ID}
          aria-label="主要分类"
          className="min-w-0 flex-1 scroll-px-2 overflow-x-auto py-1 [mask-image:linear-gradient(to_right,#000_calc(100%-1.5rem),transparent)] [scrollbar-width:none] has-focus-visible:[mask-image:none]"
        >
          <ul className="flex items-center gap-1 px-1 pr-6 text-[15px] whitespace-nowrap">
            {topCategories.map((category) => (
              <li key={category.segments.join("/")}>
                <SiteLink
                  href={urls.category(category.segments)}
                  className="block rounded-md px-2.5 py-1.5 text-ink-soft hover:bg-surface-soft hover:text-ink"
                >
                  {category.name}
                </SiteLink>
              </li>
            ))}
            {[
              { href: urls.categories(), label: ui.allCategories },
              { href: urls.authors(), label: ui.authors },
              ...(hasEntities ? [{ href: urls.entities(), label: ui.entitiesShort }] : []),
            ].map((item) => (
              <li key={item.href}>
                <SiteLink
                  href={item.href}
                  className="block rounded-md px-2.5 py-1.5 text-ink-meta hover:bg-surface-soft hover:text-ink"
                >
                  {item.label}
                </SiteLink>
              </li>
            ))}
          </ul>
        </nav>
        <FocusedLinkInView rowId={CATEGORY_ROW_ID} />
        <HeaderSearch />
        <ThemeToggle />
      </div>
    </header>
  );
}
