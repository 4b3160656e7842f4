/**
 * The chat page's test server: the real web routes plus a stand-in /api/messages that speaks the
 * expectReplies wire format (a JSON body `{ activities: [...] }` answering each posted activity).
 * `ChatServerFactory` is the seam: pass a factory that starts the real bot server instead.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createJsonServer } from '../../support/jsonServer';
import { registerWebRoutes } from '../../../review/webRoutes';

export interface RunningServer {
  base: string;
  /** Activities the stand-in bot received (empty for a real bot server). */
  received: Record<string, unknown>[];
  close(): Promise<void>;
}
export type ChatServerFactory = () => Promise<RunningServer>;

export const WEB_ROOT = join(__dirname, '..', '..', '..', 'web');
export const DEMO_CUSTOMERS = [{ id: '12347', displayName: 'Demo customer 12347' }, { id: '12350', displayName: 'Demo customer 12350' }];
const signDemoIdentity = (customerId: string) => `test-signed.${customerId}`;

function replyTo(activity: Record<string, unknown>): Record<string, unknown>[] {
  const identity = (activity.channelData as { identity?: string } | undefined)?.identity;
  const who = identity?.startsWith('test-signed.') ? `customer ${identity.slice('test-signed.'.length)}` : 'there';
  if (activity.type === 'conversationUpdate') return [{ type: 'message', text: `Hello ${who}! Ask me for gift ideas.`, speak: 'Hello!', inputHint: 'expectingInput' }];
  if (typeof activity.text === 'string' && /gift/i.test(activity.text)) {
    return [{
      type: 'message', text: 'Here are three gift ideas:', attachmentLayout: 'carousel', inputHint: 'expectingInput',
      attachments: [
        { contentType: 'application/vnd.microsoft.card.hero', content: { title: 'White Hanging Heart T-Light Holder', subtitle: '£2.95', text: 'Often bought with lanterns' } },
        { contentType: 'application/vnd.microsoft.card.hero', content: { title: 'Regency Cakestand 3 Tier', subtitle: '£12.75', text: 'Popular with customers like you' } },
      ],
    }];
  }
  return [{ type: 'message', text: `You said: ${String(activity.text)}`, inputHint: 'expectingInput' }];
}

export const standInChatServer: ChatServerFactory = async () => {
  const server = createJsonServer();
  const received: Record<string, unknown>[] = [];
  server.post('/api/messages', (req, res, next) => {
    const activity = req.body as Record<string, unknown>;
    received.push(activity);
    res.send(200, { activities: activity.deliveryMode === 'expectReplies' ? replyTo(activity) : [] });
    next();
  });
  registerWebRoutes(server, { webRoot: WEB_ROOT, demoMode: true, signDemoIdentity, demoCustomers: DEMO_CUSTOMERS });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
};
