import Link from "next/link";
import { ui } from "@/lib/site/ui-text";
import { urls } from "@/lib/site/urls";

export const metadata = { title: ui.notFoundTitle };

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-20 text-center">
      <p className="text-6xl font-bold text-zinc-200 dark:text-zinc-800">404</p>
      <h1 className="mt-4 text-2xl font-bold text-zinc-950 dark:text-white">{ui.notFoundTitle}</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">{ui.notFoundBody}</p>
      <p className="mt-8 flex justify-center gap-4">
        <Link href={urls.home()} className="rounded-md bg-accent-600 px-4 py-2 text-white hover:bg-accent-700">{ui.backHome}</Link>
        <Link href={urls.categories()} className="rounded-md border border-zinc-300 px-4 py-2 text-zinc-700 hover:border-accent-500 dark:border-zinc-700 dark:text-zinc-300">{ui.allCategories}</Link>
      </p>
    </div>
  );
}
