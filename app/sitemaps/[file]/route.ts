import { currentStore } from "@/lib/store/read-store";
import { sitemapFile, sitemapFileCount, sitemapUrlCount } from "@/lib/site/sitemap";
import { siteConfig } from "@/site.config";

export const dynamic = "force-static";
// Every sitemap file is written by the build; any other name is a 404.
export const dynamicParams = false;

export function generateStaticParams(): { file: string }[] {
  const count = sitemapFileCount(sitemapUrlCount(currentStore()));
  return Array.from({ length: count }, (_, at) => ({ file: `${at + 1}.xml` }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const number = /^[1-9]\d{0,5}\.xml$/.test(file) ? Number.parseInt(file, 10) : null;
  const xml = number === null ? null : sitemapFile(siteConfig.baseUrl, currentStore(), number);
  if (xml === null) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
}
