/**
 * Staffed hours for live handoff, e.g. "Mon-Fri 09:00-17:00, Sat 10:00-14:00" in an IANA time zone.
 * Outside them the shopper is told so and may leave an email for a call-back instead of waiting.
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

interface Window {
  days: Set<number>;
  /** Minutes after midnight; `to` is exclusive. */
  from: number;
  to: number;
}

export interface StaffHours {
  /** The hours as configured, for telling the shopper. */
  readonly description: string;
  readonly timeZone: string;
  isStaffed(at: Date): boolean;
}

const GROUP = /^([A-Za-z]{3})(?:\s*-\s*([A-Za-z]{3}))?\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/;

function dayIndex(name: string): number {
  const index = DAYS.findIndex((d) => d.toLowerCase() === name.toLowerCase());
  if (index < 0) throw new Error(`unknown day "${name}" (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)`);
  return index;
}

function minutes(hours: string, mins: string): number {
  const h = Number(hours);
  const m = Number(mins);
  if (h > 24 || m > 59 || (h === 24 && m > 0)) throw new Error(`invalid time ${hours}:${mins}`);
  return h * 60 + m;
}

function parseGroup(text: string): Window {
  const match = GROUP.exec(text.trim());
  if (!match) throw new Error(`cannot read "${text.trim()}" (expected e.g. "Mon-Fri 09:00-17:00")`);
  const [, first, last, fromH, fromM, toH, toM] = match;
  const start = dayIndex(first);
  const end = last ? dayIndex(last) : start;
  const days = new Set<number>();
  for (let d = start; ; d = (d + 1) % 7) {
    days.add(d);
    if (d === end) break;
  }
  const from = minutes(fromH, fromM);
  const to = minutes(toH, toM);
  if (to <= from) throw new Error(`"${text.trim()}": the closing time must be after the opening time`);
  return { days, from, to };
}

/** Throws with a readable reason when the hours or the time zone cannot be read. */
export function parseStaffHours(description: string, timeZone: string): StaffHours {
  const windows = description.split(',').map(parseGroup);
  // Throws a RangeError for an unknown zone.
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return {
    description: description.trim(),
    timeZone,
    isStaffed(at: Date): boolean {
      const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
      const day = dayIndex(String(parts.weekday).slice(0, 3));
      const minute = Number(parts.hour) * 60 + Number(parts.minute);
      return windows.some((w) => w.days.has(day) && minute >= w.from && minute < w.to);
    },
  };
}

/** No hours configured: someone is always there (the behaviour before staffed hours existed). */
export const ALWAYS_STAFFED: StaffHours = { description: 'always', timeZone: 'UTC', isStaffed: () => true };
