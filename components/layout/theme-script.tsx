import { ENTITY_PREVIEWS_ATTRIBUTE, ENTITY_PREVIEWS_STORAGE_KEY } from "@/lib/site/entity-previews";
import { THEME_STORAGE_KEY } from "@/lib/site/theme";

/**
 * Runs before first paint so the page never flashes the wrong theme: a saved
 * choice wins, otherwise the system preference. Entity previews turned off by the
 * reader are marked here too, so entity links never flash their "has a card" look.
 * Kept tiny and inline on purpose.
 */
const script = `(function(){try{var s=localStorage.getItem("${THEME_STORAGE_KEY}");var d=s==="dark"||(s!=="light"&&window.matchMedia("(prefers-color-scheme: dark)").matches);var h=document.documentElement;h.setAttribute("data-theme",d?"dark":"light");if(localStorage.getItem("${ENTITY_PREVIEWS_STORAGE_KEY}")==="off")h.setAttribute("${ENTITY_PREVIEWS_ATTRIBUTE}","off")}catch(e){document.documentElement.setAttribute("data-theme","light")}})();`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
