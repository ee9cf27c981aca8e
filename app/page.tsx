import { ListingPage } from "@/components/list/listing-page";
import { getSiteIndex } from "@/lib/content/store";
import { paginate } from "@/lib/site/format";
import { pageMetadata } from "@/lib/site/metadata";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";

export const metadata = pageMetadata({ path: "/" });

export default function HomePage() {
  const { items, totalPages } = paginate(getSiteIndex().articles, 1);
  return <ListingPage title={ui.latest} articles={items} page={1} totalPages={totalPages} hrefFor={urls.home} />;
}
