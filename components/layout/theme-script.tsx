import { THEME_STORAGE_KEY } from "@/lib/site/theme";

/**
 * Runs before first paint so the page never flashes the wrong theme: a saved
 * choice wins, otherwise the system preference. Kept tiny and inline on purpose.
 */
const script = `(function(){try{var s=localStorage.getItem("${THEME_STORAGE_KEY}");var d=s==="dark"||(s!=="light"&&window.matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.setAttribute("data-theme",d?"dark":"light")}catch(e){document.documentElement.setAttribute("data-theme","light")}})();`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
