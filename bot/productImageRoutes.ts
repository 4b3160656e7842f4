/** GET /images/products/:file: the drawn placeholder of a product without a photo (domain/productImages). */
import type { Server } from 'restify';
import type { CatalogRepository } from '../data/ports';
import { placeholderSvg } from '../domain/productImages';
import type { Logger } from '../logging/logger';
import { errorBody } from '../http/errors';
import { sendJson } from '../http/json';

export function registerProductImageRoutes(server: Server, deps: { catalog: Pick<CatalogRepository, 'get'>; log: Logger }): void {
  server.get('/images/products/:file', async (req, res) => {
    const file = String(req.params.file ?? '');
    const id = file.endsWith('.svg') ? file.slice(0, -4) : '';
    try {
      const product = id ? await deps.catalog.get(id) : undefined;
      if (!product) {
        sendJson(res, 404, errorBody('not_found', 'No such product image.'));
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
      sendJson(res, 500, errorBody('internal_error', 'The image could not be drawn.'));
    }
  });
}
