/**
 * The websocket upgrade on /api/messages that Direct Line Speech uses is wired to a streaming adapter, as in
 * Bot Framework's own samples. Bot Framework's streaming authentication always wants a caller identity, so an
 * anonymous upgrade gets a clear 401 (not a hang-up), and the server keeps serving.
 */
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { say, startApp, type RunningApp } from '../support/app';

let running: RunningApp;
beforeAll(async () => { running = await startApp(); });
afterAll(async () => { await running.app.close(); });

function upgrade(url: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise<number>((resolve, reject) => {
    const req = request({
      hostname, port, path: '/api/messages', method: 'GET',
      headers: {
        Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': randomBytes(16).toString('base64'), channelid: 'directlinespeech',
      },
    });
    req.on('upgrade', (res, socket) => { socket.destroy(); resolve(res.statusCode ?? 0); });
    req.on('response', (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', reject);
    req.end();
  });
}

it('answers an unauthenticated websocket upgrade with 401 and keeps serving', async () => {
  expect(await upgrade(running.url)).toBe(401);
  expect(running.logs.some((l) => l.includes('websocket upgrade refused'))).toBe(true);
  const replies = await say(running.url, 'after-upgrade', 'help');
  expect(replies.length).toBeGreaterThan(0);
});
