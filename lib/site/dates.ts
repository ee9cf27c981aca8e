import { siteConfig } from "@/site.config";

const dateFormatter = new Intl.DateTimeFormat(siteConfig.language, {
  timeZone: siteConfig.timeZone,
  year: "numeric",
  month: "long",
  day: "numeric",
});
const dateTimeFormatter = new Intl.DateTimeFormat(siteConfig.language, {
  timeZone: siteConfig.timeZone,
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** `2022年1月7日`, in the site's time zone. */
export function formatDate(iso: string): string {
  return dateFormatter.format(new Date(iso));
}

/** `2022年1月7日 07:39`, in the site's time zone. */
export function formatDateTime(iso: string): string {
  return dateTimeFormatter.format(new Date(iso));
}
