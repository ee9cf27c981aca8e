/**
 * Reads the date shapes Hexo posts carry: RFC 1123 (`Thu, 06 Jan 2022 23:39:42 GMT`),
 * ISO 8601 with a zone, and zone-less `YYYY-MM-DD[ HH:mm[:ss]]`, which is read as
 * wall-clock time in the site's time zone (as Hexo does with its `timezone` setting).
 */
export function parseContentDate(value: unknown, timeZone: string): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (text === "") return null;

  const local = text.match(/^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/);
  if (local) {
    const [, year = "", month = "", day = "", hour = "0", minute = "0", second = "0"] = local;
    const fields: WallClock = [Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second)];
    if (!isValidWallClock(fields)) return null;
    return zonedWallClockToDate(fields, timeZone);
  }
  // Anything else must name its zone (RFC 1123's GMT, ISO's Z or ±hh:mm); Date.parse handles both.
  if (!/(gmt|utc|ut|z|[+-]\d{2}:?\d{2}|\b[ecmp][sd]t)\s*$/i.test(text)) return null;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : new Date(parsed);
}

type WallClock = [year: number, month: number, day: number, hour: number, minute: number, second: number];

function isValidWallClock([year, month, day, hour, minute, second]: WallClock): boolean {
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC at `instant`, in milliseconds. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    offsetFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

function zonedWallClockToDate(fields: WallClock, timeZone: string): Date {
  const [year, month, day, hour, minute, second] = fields;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // Two passes settle the offset across a daylight-saving change.
  let instant = wall - zoneOffsetMs(wall, timeZone);
  instant = wall - zoneOffsetMs(instant, timeZone);
  return new Date(instant);
}

/** Checks a zone name once, so a typo in the config fails loudly instead of on every date. */
export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    throw new Error(`SITE_TIME_ZONE is not a known IANA time zone: ${timeZone}`);
  }
}
