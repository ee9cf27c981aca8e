import { SiteLink } from "@/components/navigation/site-link";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";

export const metadata = { title: ui.notFoundTitle };

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-20 text-center">
      <p className="text-6xl font-bold text-link">404</p>
      <h1 className="mt-4 text-2xl font-bold text-ink">{ui.notFoundTitle}</h1>
      <p className="mt-3 text-ink-muted">{ui.notFoundBody}</p>
      <p className="mt-8 flex justify-center gap-4">
        <SiteLink href={urls.home()} className="rounded-md bg-accent-600 px-4 py-2 text-white hover:bg-accent-700">{ui.backHome}</SiteLink>
        <SiteLink href={urls.categories()} className="rounded-md border border-line-strong px-4 py-2 text-ink-soft hover:border-accent-500">{ui.allCategories}</SiteLink>
      </p>
    </div>
  );
}
