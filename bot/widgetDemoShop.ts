/**
 * The demo shop (demo mode only): two pages with the widget snippet, a product grid from the seed catalogue and a
 * product page, so a newcomer sees the real integration. Its sign-in uses the chat page's demo token endpoint
 * (POST /api/web/demo-identity, itself demo-only). The pages run under the strict policy README documents for a
 * shop's page, so the demo also proves the widget works there.
 */
import { join } from 'node:path';
import type { Server } from 'restify';
import type { CatalogRepository } from '../data/ports';
import type { Product } from '../domain/model';
import { HttpError } from '../http/errors';
import { handle, sendJson } from '../http/json';
import type { ErrorLogger } from '../logging/logger';
import { CompressedFiles, getAndHead, safeResolve, sendFile } from '../review/staticFiles';

export interface DemoShopOptions {
  webRoot: string;
  catalog: Pick<CatalogRepository, 'get' | 'list'>;
  logger: ErrorLogger;
}

/** What a shop's page needs to run the widget: its own scripts and styles, the bot's script and frame. */
export const STRICT_SHOP_CSP = "default-src 'self'; script-src 'self'; frame-src 'self'; style-src 'self'; img-src 'self' data:; "
  + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const GRID_SIZE = 12;

export interface DemoProduct { id: string; name: string; category: string; price: number; currency: string; imageUrl: string }

const toDemoProduct = (p: Product): DemoProduct => ({
  id: p.id, name: p.name, category: p.category, price: p.price, currency: p.currency, imageUrl: `/images/products/${encodeURIComponent(p.id)}.svg`,
});

/** A varied grid: the first in-stock products of each category in turn, in a stable order. */
export function demoGrid(products: readonly Product[], size = GRID_SIZE): DemoProduct[] {
  const byCategory = new Map<string, Product[]>();
  for (const p of [...products].filter((x) => x.inStock).sort((a, b) => a.id.localeCompare(b.id))) {
    byCategory.set(p.category, [...(byCategory.get(p.category) ?? []), p]);
  }
  const grid: Product[] = [];
  for (let round = 0; grid.length < size; round += 1) {
    const taken = [...byCategory.values()].map((list) => list[round]).filter((p): p is Product => p !== undefined);
    if (taken.length === 0) break;
    grid.push(...taken.slice(0, size - grid.length));
  }
  return grid.map(toDemoProduct);
}

export function registerDemoShop(server: Server, options: DemoShopOptions): void {
  const { logger } = options;
  const root = join(options.webRoot, 'demo-shop');
  const compressed = new CompressedFiles();
  const headers = { 'cache-control': 'no-cache', 'content-security-policy': STRICT_SHOP_CSP };

  server.get('/demo-shop', handle(logger, async (_req, res) => {
    res.writeHead(302, { location: '/demo-shop/' });
    res.end();
  }));
  getAndHead(server, '/demo-shop/*', handle(logger, async (req, res) => {
    const relative = String(req.params['*'] ?? '') || 'index.html';
    if (!(await sendFile(req, res, safeResolve(root, relative), headers, compressed))) sendJson(res, 404, { error: 'Not found.' });
  }));
  server.get('/api/widget/demo-products', handle(logger, async (_req, res) => {
    sendJson(res, 200, { products: demoGrid(await options.catalog.list()) });
  }));
  server.get('/api/widget/demo-products/:id', handle(logger, async (req, res) => {
    const product = await options.catalog.get(String(req.params.id ?? ''));
    if (!product) throw new HttpError(404, 'No such product in the demo catalogue.');
    sendJson(res, 200, { product: toDemoProduct(product) });
  }));
}
