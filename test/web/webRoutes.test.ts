import type { AddressInfo } from 'node:net';
import { createJsonServer } from '../support/jsonServer';
import { registerWebRoutes, type WebRouteOptions } from '../../review/webRoutes';
import { DEMO_CUSTOMERS, WEB_ROOT } from './support/chatServer';

async function serve(options: Omit<WebRouteOptions, 'webRoot'>): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createJsonServer();
  registerWebRoutes(server, { webRoot: WEB_ROOT, ...options });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('web routes', () => {
  test('serve the pages with a strict content security policy, and the vendor bundles from node_modules', async () => {
    const { base, close } = await serve({ demoMode: false });
    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('/vendor/webchat.js');
    expect((await fetch(`${base}/console/`)).status).toBe(200);
    expect((await fetch(`${base}/console/kpis.html`)).status).toBe(200);
    for (const bundle of ['webchat.js', 'chart.umd.js']) {
      const res = await fetch(`${base}/vendor/${bundle}`);
      expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
      await res.arrayBuffer();
    }
    await close();
  });

  test.each(['/console/..%2f..%2fpackage.json', '/console/%2e%2e/%2e%2e/package.json', '/chat/..%2F..%2F.gitignore', '/vendor/..%2fpackage.json', '/console/.hidden'])(
    'refuses %s', async (path) => {
      const { base, close } = await serve({ demoMode: false });
      expect((await fetch(`${base}${path}`)).status).toBe(404);
      await close();
    });

  test('demo sign-in exists only in demo mode and only for the listed demo customers', async () => {
    const off = await serve({ demoMode: false, signDemoIdentity: (id) => `t.${id}`, demoCustomers: DEMO_CUSTOMERS });
    expect(await (await fetch(`${off.base}/api/web/config`)).json()).toEqual({ demoMode: false, demoCustomers: [] });
    const refused = await fetch(`${off.base}/api/web/demo-identity`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ customerId: '12347' }) });
    expect(refused.status).toBe(404);
    await off.close();

    const on = await serve({ demoMode: true, signDemoIdentity: (id) => `t.${id}`, demoCustomers: DEMO_CUSTOMERS });
    const post = (customerId: string) => fetch(`${on.base}/api/web/demo-identity`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ customerId }) });
    expect(await (await post('12347')).json()).toEqual({ token: 't.12347' });
    const other = await post('99999');
    expect([other.status, await other.json()]).toEqual([400, { error: 'bad_request', message: 'customerId: not one of the demo customers' }]);
    await on.close();
  });
});
