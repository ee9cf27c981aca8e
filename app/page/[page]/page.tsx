import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ListingPage } from "@/components/list/listing-page";
import { getSiteIndex } from "@/lib/content/store";
import { pageCount, paginate, prebuiltPageNumbers } from "@/lib/site/format";
import { pageMetadata } from "@/lib/site/metadata";
import { ui } from "@/lib/site/ui-text";
import { parsePageParam, urls } from "@/lib/site/urls";

type Props = { params: Promise<{ page: string }> };

export function generateStaticParams() {
  return prebuiltPageNumbers(getSiteIndex().articles.length).map((page) => ({ page: String(page) }));
}

function resolve(pageParam: string) {
  const page = parsePageParam(pageParam);
  const articles = getSiteIndex().articles;
  if (page === null || page > pageCount(articles.length)) return null;
  return { page, ...paginate(articles, page) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const resolved = resolve((await params).page);
  return resolved ? pageMetadata({ title: `${ui.latest} · ${ui.pageN(resolved.page)}`, path: urls.home(resolved.page) }) : {};
}

export default async function HomePageN({ params }: Props) {
  const { page } = await params;
  // Page 1 lives at `/`.
  if (page === "1") permanentRedirect(urls.home());
  const resolved = resolve(page);
  if (!resolved) notFound();
  return <ListingPage title={ui.latest} articles={resolved.items} page={resolved.page} totalPages={resolved.totalPages} hrefFor={urls.home} />;
}
