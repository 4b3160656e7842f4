/**
 * A stand-in Bot Framework connector on loopback: it speaks POST /v3/conversations/:id/activities[/:replyToId]
 * and records what the bot sends. `behaviour` makes it misbehave like a connector that is down or stuck.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type ConnectorBehaviour = 'answers' | 'resets' | 'never_answers';

export interface StandInConnector {
  url: string;
  /** Activities received, with the conversation id from the path. */
  received: { conversationId: string; activity: { type?: string; text?: string; speak?: string } }[];
  /** Every request line seen: one per delivery attempt, retries included. */
  requests: string[];
  close(): Promise<void>;
}

const ACTIVITIES_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/;

export async function startStandInConnector(behaviour: ConnectorBehaviour): Promise<StandInConnector> {
  const sockets = new Set<Socket>();
  const connector: StandInConnector = { url: '', received: [], requests: [], close: async () => {} };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    connector.requests.push(`${req.method} ${req.url}`);
    if (behaviour === 'resets') {
      req.socket.destroy();
      return;
    }
    if (behaviour === 'never_answers') return;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = ACTIVITIES_PATH.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) {
        res.writeHead(404);
        res.end();
        return;
      }
      connector.received.push({ conversationId: decodeURIComponent(match[1]), activity: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${connector.received.length}` }));
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  connector.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  connector.close = () => new Promise((resolve) => {
    for (const socket of sockets) socket.destroy();
    server.close(() => resolve());
  });
  return connector;
}
