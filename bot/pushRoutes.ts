/**
 * The chat page's own routes. A page load without a conversation gets one (ids chosen here, with a resume
 * token). With the token the page replays the conversation after a reload or a page change, learns who is
 * signed in, and keeps an event stream open on which agents' messages arrive. The token scopes all of these
 * to its one conversation; anything else gets 401.
 */
import type { Request, Response, Server } from 'restify';
import type { Storage } from 'botbuilder';
import type { TranscriptRepository } from '../data/consolePorts';
import { SESSION_PROPERTY, type ConversationSession, type SessionPolicy } from '../dialogs';
import { currentProfile } from '../dialogs/session';
import { HttpError } from '../http/errors';
import { handle, sendError, sendJson } from '../http/json';
import type { ErrorLogger } from '../logging/logger';
import type { LiveChatHub } from './liveChatHub';
import type { ChatGrant, ResumeTokens } from './resumeTokens';
import { historyActivities } from './chatHistory';

export interface PushRouteOptions {
  tokens: ResumeTokens;
  hub: LiveChatHub;
  transcripts: Pick<TranscriptRepository, 'get'>;
  /** Bot state, read to tell the page who is signed in. */
  conversationStorage: Storage;
  policy: SessionPolicy;
  logger: ErrorLogger;
}

const HEARTBEAT_MS = 20_000;
/** The channel id the chat page posts with (web/chat/directLine.js). */
const PAGE_CHANNEL = 'webchat';

export function registerPushRoutes(server: Server, options: PushRouteOptions): { closeStreams(): void } {
  const { tokens, hub, logger } = options;
  const open = new Set<() => void>();

  const grantOf = (req: Request, fromQuery = false): ChatGrant => {
    const header = req.header('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim()
      : fromQuery ? new URL(req.url ?? '/', 'http://localhost').searchParams.get('token') ?? '' : '';
    const grant = token ? tokens.verify(token) : null;
    if (!grant) throw new HttpError(401, 'This chat has expired or the token is not valid: start a new chat.', { headers: { 'www-authenticate': 'Bearer' } });
    return grant;
  };

  const signedIn = async (grant: ChatGrant): Promise<{ displayName: string } | null> => {
    const key = `${PAGE_CHANNEL}/conversations/${grant.conversationId}/users/${encodeURIComponent(grant.userId)}`;
    const item = (await options.conversationStorage.read([key]))[key] as Record<string, unknown> | undefined;
    const session = item?.[SESSION_PROPERTY] as ConversationSession | undefined;
    const profile = session ? currentProfile(session, options.policy) : null;
    return profile ? { displayName: profile.displayName } : null;
  };

  server.post('/api/chat/sessions', handle(logger, async (_req, res) => {
    const { grant, token } = tokens.issue();
    sendJson(res, 201, { ...grant, resumeToken: token });
  }));

  server.get('/api/chat/history', handle(logger, async (req, res) => {
    const { grant, token } = tokens.renew(grantOf(req));
    const record = await options.transcripts.get(grant.conversationId);
    sendJson(res, 200, {
      ...grant, resumeToken: token, signedIn: await signedIn(grant),
      activities: record ? historyActivities(record.entries, grant.userId) : [],
    });
  }));

  server.get('/api/chat/status', handle(logger, async (req, res) => {
    sendJson(res, 200, { signedIn: await signedIn(grantOf(req)) });
  }));

  // EventSource cannot send headers, so the stream takes the token as a query parameter.
  server.get('/api/chat/stream', (req: Request, res: Response, next) => {
    let grant: ChatGrant;
    try {
      grant = grantOf(req, true);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      sendError(res, error);
      next();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    res.write(': open\n\n');
    const unsubscribe = hub.subscribe(grant.conversationId, (activity) => {
      res.write(`event: activity\ndata: ${JSON.stringify(activity)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    const end = () => {
      if (!open.delete(end)) return;
      clearInterval(heartbeat);
      unsubscribe();
      res.end();
      next();
    };
    open.add(end);
    req.on('close', end);
  });

  return { closeStreams: () => { for (const end of [...open]) end(); } };
}
