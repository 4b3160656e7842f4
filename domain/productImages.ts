/**
 * Honest placeholder pictures for products without a photo: an SVG drawn from the product's own category and
 * name, served by the bot (nothing fetched from outside). Pure: the route in bot/ serves what this draws.
 */
import { categoryLabel } from './categories';
import { escapeXml } from './xml';

/** The path the bot serves a product's placeholder at, absolute when the public base URL is known. */
export function placeholderImageUrl(productId: string, publicBaseUrl?: string): string {
  const path = `/images/products/${encodeURIComponent(productId)}.svg`;
  return publicBaseUrl ? `${publicBaseUrl.replace(/\/+$/, '')}${path}` : path;
}

/** A calm colour per category, so a row of placeholders still tells kinds apart. */
const CATEGORY_COLOURS: Record<string, string> = {
  candles_lighting: '#f4e1c1', bags: '#d9e7f5', christmas: '#f5d6d6', kitchen_dining: '#e3f0dc', garden_outdoor: '#d7eddc',
  party: '#f7dff0', stationery: '#e8e3f5', toys_games: '#fdf0c9', home_decor: '#efe6dc', storage: '#e0e7ea',
  jewellery_accessories: '#f3e0e6', bath_beauty: '#dcefee', other: '#eceff1',
};

/** Up to three lines of at most `width` characters, the last one cut with an ellipsis if the name runs on. */
function wrapName(name: string, width = 22, lines = 3): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of name.split(/\s+/).filter(Boolean)) {
    if ((line ? `${line} ${word}` : word).length <= width) line = line ? `${line} ${word}` : word;
    else {
      if (line) out.push(line);
      line = word.length > width ? `${word.slice(0, width - 1)}…` : word;
    }
  }
  if (line) out.push(line);
  if (out.length > lines) return [...out.slice(0, lines - 1), `${out[lines - 1].slice(0, width - 1)}…`];
  return out;
}

export function placeholderSvg(product: { name: string; category: string }): string {
  const background = CATEGORY_COLOURS[product.category] ?? CATEGORY_COLOURS.other;
  const lines = wrapName(product.name);
  const top = 120 - (lines.length - 1) * 14;
  const text = lines.map((line, i) => `<tspan x="160" y="${top + i * 28}">${escapeXml(line)}</tspan>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200" viewBox="0 0 320 200" role="img" aria-label="${escapeXml(`${product.name} (no photo)`)}">`
    + `<rect width="320" height="200" fill="${background}"/>`
    + `<text x="160" y="40" text-anchor="middle" font-family="system-ui, sans-serif" font-size="14" fill="#4a5560">${escapeXml(categoryLabel(product.category))}</text>`
    + `<text text-anchor="middle" font-family="system-ui, sans-serif" font-size="20" font-weight="600" fill="#1d2733">${text}</text>`
    + '<text x="160" y="188" text-anchor="middle" font-family="system-ui, sans-serif" font-size="11" fill="#6b7783">Photo coming soon</text>'
    + '</svg>';
}
