/** GET /images/products/:file: the drawn placeholder of a product without a photo (domain/productImages). */
import type { Server } from 'restify';
import type { CatalogRepository } from '../data/ports';
import { placeholderSvg } from '../domain/productImages';
import type { Logger } from '../services/logger';

export function registerProductImageRoutes(server: Server, deps: { catalog: Pick<CatalogRepository, 'get'>; log: Logger }): void {
  server.get('/images/products/:file', async (req, res) => {
    const file = String(req.params.file ?? '');
    const id = file.endsWith('.svg') ? file.slice(0, -4) : '';
    try {
      const product = id ? await deps.catalog.get(id) : undefined;
      if (!product) {
        res.send(404, { error: 'not_found', message: 'No such product image.' });
        return;
      }
      const body = placeholderSvg(product);
      res.writeHead(200, {
        'content-type': 'image/svg+xml; charset=utf-8', 'content-length': String(Buffer.byteLength(body)),
        // A drawn SVG must never run script, even if opened on its own.
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'", 'x-content-type-options': 'nosniff',
        'cache-control': 'public, max-age=3600',
      });
      res.end(body);
    } catch (error) {
      deps.log.error('product image failed', { error });
      res.send(500, { error: 'internal', message: 'The image could not be drawn.' });
    }
  });
}
