import { listFeedXml, resolveListFeed } from "@/lib/site/list-feeds";

// Rendered on a feed's first request and cached like the pages: an archive has a feed per category, author, tag
// and entity, far more than are ever read.
export const dynamic = "force-static";

export function generateStaticParams(): { path: string[] }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const list = resolveListFeed((await params).path);
  if (!list) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(listFeedXml(list), { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
}
