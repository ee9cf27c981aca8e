import { readSearchIndexFile } from "@/lib/store/search-index-files";

// The search index is a folder of the store (built with it, swapped in with it): read from there on each request,
// never copied into Next's page cache, which would hold one entry per index file.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string[] }> }): Promise<Response> {
  const file = await readSearchIndexFile((await params).file);
  if (!file) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      // Hashed names never change content; the entry points change with each build, so they are checked after 5 minutes.
      "Cache-Control": file.immutable ? "public, max-age=31536000, immutable" : "public, max-age=300",
    },
  });
}
