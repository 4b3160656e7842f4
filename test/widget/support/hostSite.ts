/**
 * A shop's site on its own loopback origin, embedding the widget the way README says: the snippet, a script of
 * its own that records the widget's events, a strict Content-Security-Policy naming only the bot, and hostile CSS
 * (a huge red font on everything, every button hidden) that must not reach the widget.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostSite {
  /** http://localhost:<port>: a different origin from the bot's http://127.0.0.1:<port>. */
  origin: string;
  /** The bot's origin, known only once the bot (which must list this site's origin) is started. */
  bot: string;
  close(): Promise<void>;
}

export const HOSTILE_CSS = '* { font-size: 40px !important; color: red !important; font-family: serif !important } button { display: none !important }';

/** What the widget needs on a strict host page (README "Content-Security-Policy on your pages"). */
export const strictCsp = (bot: string): string => `default-src 'self'; script-src 'self' ${bot}; frame-src ${bot}; style-src 'self'`;

/** The host page's own script: events and CSP violations land in window.hostLog for the test to read. */
const HOST_JS = `
window.hostLog = { events: [], violations: [] };
document.addEventListener('securitypolicyviolation', (e) => window.hostLog.violations.push(e.violatedDirective + ' ' + e.blockedURI));
function hook(assistant) {
  for (const name of ['add-to-basket', 'view-product', 'handoff-started']) {
    assistant.on(name, (detail) => window.hostLog.events.push({ name, detail }));
  }
}
if (window.ShoppingAssistant) hook(window.ShoppingAssistant);
else window.addEventListener('shopping-assistant:ready', () => hook(window.ShoppingAssistant), { once: true });
`;

export interface HostPageOptions {
  bot: string;
  /** false: the page without the snippet (the load-time baseline). */
  widget?: boolean;
  strict?: boolean;
  hostile?: boolean;
}

export function hostPage(title: string, options: HostPageOptions): string {
  const snippet = options.widget === false ? ''
    : `<script src="${options.bot}/widget.js" data-bot="${options.bot}" data-name="Test Shop helper" data-color="#aa3355" async></script>`;
  const paragraphs = Array.from({ length: 30 }, (_, i) => `<p>Product story ${i + 1}: hand-made in small batches.</p>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
${options.hostile === false ? '' : '<link rel="stylesheet" href="/hostile.css">'}
${snippet}<script src="/host.js"></script></head>
<body><h1>${title}</h1><nav><a href="/a.html">Page A</a> <a href="/b.html">Page B</a></nav><button type="button">Host button</button>${paragraphs}</body></html>`;
}

/** Serves /a.html and /b.html (strict CSP, hostile CSS), /plain.html (no snippet, no CSP), /host.js, /hostile.css. */
export async function startHostSite(options: { strict?: boolean } = {}): Promise<HostSite> {
  const strict = options.strict ?? true;
  const server: Server = createServer((req, res) => {
    const bot = site.bot;
    const path = (req.url ?? '/').split('?')[0];
    const csp: Record<string, string> = strict ? { 'content-security-policy': strictCsp(bot) } : {};
    if (path === '/host.js') return send(res, 'text/javascript', HOST_JS, csp);
    if (path === '/hostile.css') return send(res, 'text/css', HOSTILE_CSS, csp);
    if (path === '/a.html' || path === '/b.html') return send(res, 'text/html', hostPage(path === '/a.html' ? 'Page A' : 'Page B', { bot }), csp);
    if (path === '/plain.html') return send(res, 'text/html', hostPage('Plain', { bot, widget: false, hostile: false }), {});
    if (path === '/with-widget.html') return send(res, 'text/html', hostPage('With widget', { bot, hostile: false }), {});
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const site: HostSite = {
    origin: `http://localhost:${port}`,
    bot: '',
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  return site;
}

function send(res: import('node:http').ServerResponse, type: string, body: string, headers: Record<string, string>): void {
  res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', ...headers });
  res.end(body);
}
