/** The readable side of "what do you know about me": a short summary plus the full JSON as an attachment. */
import type { Attachment } from 'botbuilder';
import { categoryLabel } from '../../domain/categories';
import type { CustomerProfile } from '../../services/ports';

const onOff = (value: boolean): string => (value ? 'on' : 'off');

/** "suggestionEvents" -> "suggestion events". */
function humanise(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
}

/** How many records of each kind the export holds, e.g. "12 orders, 1 feedback". */
export function recordCounts(data: Record<string, unknown>): string[] {
  return Object.entries(data)
    .filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]) && entry[1].length > 0)
    .map(([key, items]) => `${items.length} ${items.length === 1 ? humanise(key).replace(/s$/, '') : humanise(key)}`);
}

export function exportSummary(profile: CustomerProfile, data: Record<string, unknown>): string {
  const { preferences, consent, segment } = profile;
  const parts = [
    `Here is what I hold about you, ${profile.displayName}.`,
    `Your shopper group is "${humanise(segment.primary)}".`,
    preferences.categories.length > 0
      ? `You like ${preferences.categories.map((id) => categoryLabel(id).toLowerCase()).join(', ')}.`
      : 'You have not told us about any favourite categories.',
  ];
  if (preferences.priceBand) parts.push(`Your price band is ${preferences.priceBand}.`);
  parts.push(`Marketing messages are ${onOff(consent.marketing)}, personalised suggestions are ${onOff(consent.personalization)}.`);
  const counts = recordCounts(data);
  if (counts.length > 0) parts.push(`I also hold ${counts.join(', ')}.`);
  return parts.join(' ');
}

/** The spoken summary: who, the group, the two consents and the record counts, in about 25 words. */
export function spokenExportSummary(profile: CustomerProfile, data: Record<string, unknown>): string {
  const { consent, segment } = profile;
  const [firstCount] = recordCounts(data);
  const held = firstCount ? ` I hold ${firstCount}.` : '';
  return `You're in the ${humanise(segment.primary)} group. Marketing ${onOff(consent.marketing)}, `
    + `personalisation ${onOff(consent.personalization)}.${held}`;
}

export function exportAttachment(data: Record<string, unknown>): Attachment {
  const json = JSON.stringify(data, null, 2);
  return {
    contentType: 'application/json',
    name: 'my-data.json',
    content: data,
    // A data URL lets Web Chat offer the file as a download without a separate file endpoint.
    contentUrl: `data:application/json;base64,${Buffer.from(json, 'utf8').toString('base64')}`,
  };
}
