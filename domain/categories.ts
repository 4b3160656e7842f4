/**
 * The catalogue's categories (a UK online gift shop). The importer maps product descriptions onto these ids;
 * the recognizer maps what shoppers say onto them. Keep ids stable: they are stored in preferences and rules.
 */
export interface CategoryDefinition {
  id: string;
  label: string;
  /** Words a shopper may use for the category (lower case, singular and plural where they differ). */
  synonyms: string[];
}

export const CATEGORIES: readonly CategoryDefinition[] = [
  { id: 'candles_lighting', label: 'Candles & lighting', synonyms: ['candle', 'candles', 'light', 'lights', 'lighting', 'lantern', 'lanterns', 't-light', 'tealight', 'lamp'] },
  { id: 'bags', label: 'Bags', synonyms: ['bag', 'bags', 'tote', 'shopper', 'jumbo bag', 'lunch bag'] },
  { id: 'christmas', label: 'Christmas', synonyms: ['christmas', 'xmas', 'festive', 'advent', 'bauble', 'baubles'] },
  { id: 'kitchen_dining', label: 'Kitchen & dining', synonyms: ['kitchen', 'mug', 'mugs', 'cup', 'cups', 'plate', 'plates', 'bowl', 'teapot', 'cake', 'baking', 'dining', 'tea'] },
  { id: 'garden_outdoor', label: 'Garden & outdoor', synonyms: ['garden', 'gardening', 'outdoor', 'plant', 'plants', 'bird', 'picnic'] },
  { id: 'party', label: 'Party', synonyms: ['party', 'parties', 'bunting', 'balloon', 'balloons', 'napkins', 'cake cases'] },
  { id: 'stationery', label: 'Stationery', synonyms: ['stationery', 'notebook', 'pen', 'pencil', 'paper', 'card', 'cards', 'wrap', 'wrapping', 'sticker', 'stickers'] },
  { id: 'toys_games', label: 'Toys & games', synonyms: ['toy', 'toys', 'game', 'games', 'kids', 'children', 'child', 'jigsaw', 'doll'] },
  { id: 'home_decor', label: 'Home decor', synonyms: ['decor', 'decoration', 'decorations', 'ornament', 'frame', 'clock', 'sign', 'cushion', 'home'] },
  { id: 'storage', label: 'Storage & organisation', synonyms: ['storage', 'box', 'boxes', 'tin', 'tins', 'basket', 'jar', 'jars', 'organiser'] },
  { id: 'jewellery_accessories', label: 'Jewellery & accessories', synonyms: ['jewellery', 'jewelry', 'necklace', 'bracelet', 'earrings', 'ring', 'umbrella', 'purse', 'accessories'] },
  { id: 'bath_beauty', label: 'Bath & beauty', synonyms: ['bath', 'soap', 'beauty', 'toiletry', 'toiletries', 'hand cream', 'sponge'] },
  { id: 'other', label: 'Other gifts', synonyms: [] },
];

export const CATEGORY_IDS: readonly string[] = CATEGORIES.map((c) => c.id);

export function categoryLabel(id: string): string {
  return CATEGORIES.find((c) => c.id === id)?.label ?? id;
}
