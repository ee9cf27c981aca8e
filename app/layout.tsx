import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { ThemeScript } from "@/components/layout/theme-script";
import { ClientNavigation } from "@/components/navigation/client-navigation.client";
import { siteFeedAlternate } from "@/lib/site/metadata";
import { ui } from "@/lib/site/ui-text";
import { siteConfig } from "@/site.config";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(siteConfig.baseUrl),
  title: { default: siteConfig.title, template: `%s · ${siteConfig.title}` },
  description: siteConfig.description,
  // Body images come from hosts that refuse foreign Referers; send none from any page.
  referrer: "no-referrer",
  icons: { icon: "/favicon.svg" },
  alternates: { types: siteFeedAlternate },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={siteConfig.language} suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-dvh bg-surface font-sans text-ink-body">
        <a
          href="#main-content"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-zinc-900 focus:shadow"
        >
          {ui.skipToContent}
        </a>
        <SiteHeader />
        <main id="main-content" className="mx-auto max-w-6xl px-4 pt-6 sm:px-6 sm:pt-10">
          {children}
        </main>
        <SiteFooter />
        <ClientNavigation />
      </body>
    </html>
  );
}
