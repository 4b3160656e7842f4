/**
 * Starts the real application on a free loopback port with its store in a fresh temp folder, keeping fitted models in
 * the test run's folder (runModelCache.ts) unless `env` sets MODEL_CACHE_DIR.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../logging/logger';
import { runModelCacheSetting } from './runModelCache';

export interface RunningApp {
  app: App;
  url: string;
  dir: string;
  logs: string[];
}

export const TEST_IDENTITY_SECRET = 'test-identity-secret-test-identity-secret';

export async function startApp(env: Record<string, string> = {}, dir = mkdtempSync(join(tmpdir(), 'assistant-'))): Promise<RunningApp> {
  const config = loadConfig({ STORE_PATH: join(dir, 'store.json'), IDENTITY_SECRET: TEST_IDENTITY_SECRET, LOG_LEVEL: 'info', ...runModelCacheSetting(), ...env });
  const logs: string[] = [];
  const app = await createApp(config, createLogger('debug', (line) => logs.push(line)));
  try {
    const url = await app.listen(0, '127.0.0.1');
    await app.ready;
    return { app, url, dir, logs };
  } catch (error) {
    // A start that fails half-way still closes its stores, so no file handle is left to the garbage collector.
    await app.close().catch(() => undefined);
    throw error;
  }
}

let counter = 0;
/** A message activity with expectReplies; returns the replies from the HTTP body. */
export async function say(url: string, conversationId: string, text: string | undefined, extra: Record<string, unknown> = {}): Promise<ReplyActivity[]> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id: `in-${++counter}`, text, channelId: 'webchat', deliveryMode: 'expectReplies',
      conversation: { id: conversationId }, from: { id: `user-${conversationId}` }, recipient: { id: 'bot' }, ...extra,
    }),
  });
  if (res.status !== 200) throw new Error(`turn "${text}" answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { activities: ReplyActivity[] };
  return body.activities;
}

export interface ReplyActivity {
  type: string;
  text?: string;
  speak?: string;
  inputHint?: string;
  name?: string;
  attachments?: { contentType: string; content?: unknown }[];
  suggestedActions?: { actions: { title?: string; value?: unknown }[] };
  value?: unknown;
}
