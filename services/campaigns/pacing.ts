/** When a customer may get a campaign message: the frequency cap (all campaigns together) and quiet hours. */
import type { CampaignDelivery, FrequencyCap, QuietHours } from '../../data/campaignPorts';

const DAY_MS = 86_400_000;
const DELIVERED = new Set(['sent', 'shown']);

/** True when one more message stays within the cap: fewer than maxMessages delivered in the last perDays days. */
export function withinFrequencyCap(deliveries: readonly CampaignDelivery[], cap: FrequencyCap, now: Date): boolean {
  const since = now.getTime() - cap.perDays * DAY_MS;
  const recent = deliveries.filter((d) => DELIVERED.has(d.outcome) && Date.parse(d.at) > since).length;
  return recent < cap.maxMessages;
}

function minuteOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
}

/** True inside the quiet window (local time of its zone); a window like 21:00-09:00 spans midnight. */
export function inQuietHours(quiet: QuietHours | null, now: Date): boolean {
  if (!quiet) return false;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: quiet.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(now);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value);
  const local = hour * 60 + minute;
  const start = minuteOf(quiet.start);
  const end = minuteOf(quiet.end);
  if (start === end) return false;
  return start < end ? local >= start && local < end : local >= start || local < end;
}

/** Throws a RangeError naming the zone when Intl does not know it. */
export function checkTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat('en-GB', { timeZone });
}
