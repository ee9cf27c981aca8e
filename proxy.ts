import { NextResponse, type NextRequest } from "next/server";
import { namesStoredContent } from "@/lib/site/known-urls";

/**
 * URLs of the dynamic routes that name nothing in the store are answered with the prebuilt not-found page
 * before they reach a route. Rendered there, each one would go through Next's page cache (vercel/next.js
 * #73101) and leave something behind in the server's memory: a crawler asking for millions of made-up slugs
 * would grow it without end (measured: ~3.4 KB per unknown URL, without limit). The check is a few look-ups
 * in the store's indexes.
 */
export function proxy(request: NextRequest): NextResponse {
  // On Vercel each function instance is short-lived and the 404s are Vercel's to cache; its proxy function is
  // also deployed without the store. Let every request through there.
  if (process.env.VERCEL || namesStoredContent(request.nextUrl.pathname)) return NextResponse.next();
  // No route matches this path, so Next serves its prebuilt 404 page (static, nothing rendered or cached).
  return NextResponse.rewrite(new URL("/_yuedu/not-found", request.url), { status: 404 });
}

export const config = {
  matcher: ["/articles/:slug*", "/categories/:path+", "/authors/:path+", "/tags/:path+", "/entities/:path+", "/feeds/:path*", "/page/:path*"],
};
