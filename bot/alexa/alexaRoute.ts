/**
 * POST /api/alexa: an Alexa custom skill endpoint running the same bot as /api/messages. Each request is
 * verified (signature, certificate chain, timestamp) unless ALEXA_SKIP_VERIFICATION is on, turned into an
 * expectReplies activity on channel `alexa`, run through the adapter's middleware and the bot, and answered
 * with one Alexa response. Alexa's own authentication replaces Bot Framework's on this route, so the turn
 * gets an AuthenticateRequestResult of its own; expectReplies never calls the connector it holds.
 */
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import {
  type AuthenticateRequestResult, AuthenticationConstants, ClaimsIdentity, ConnectorClient, ConnectorFactory, MicrosoftAppCredentials,
} from 'botframework-connector';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../logging/logger';
import { firstIssue } from '../../domain/zodIssues';
import { errorBody } from '../../http/errors';
import { sendJson } from '../../http/json';
import { AlexaRequestSchema, EMPTY_RESPONSE, fixedResponse, responseFromReplies, turnFor } from './alexaMessages';
import { AlexaRequestVerifier, type CertificateFetcher } from './requestVerifier';

export interface AlexaRouteOptions {
  /** Only for local testing (refused by the config when DEMO_MODE=false). */
  skipVerification: boolean;
  /** When set, requests for any other skill are refused. */
  skillId?: string;
  /** The bot's MicrosoftAppId, if any: the turn's identity must name it for the adapter to build its clients. */
  botAppId?: string;
  fetchCertificate?: CertificateFetcher;
  trustedRoots?: readonly string[];
}

interface AlexaRouteDeps extends AlexaRouteOptions {
  adapter: CloudAdapter;
  runTurn: (context: TurnContext) => Promise<void>;
  log: Logger;
}

class ExpectRepliesConnectorFactory extends ConnectorFactory {
  create(serviceUrl: string): Promise<ConnectorClient> {
    return Promise.resolve(new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: serviceUrl }));
  }
}

function alexaAuthentication(botAppId: string): AuthenticateRequestResult {
  const claims = [
    { type: AuthenticationConstants.AudienceClaim, value: botAppId },
    { type: AuthenticationConstants.AppIdClaim, value: botAppId },
  ];
  return {
    audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
    claimsIdentity: new ClaimsIdentity(botAppId ? claims : [], 'alexa'),
    connectorFactory: new ExpectRepliesConnectorFactory(),
    callerId: 'urn:alexa',
  };
}

const header = (req: Request, name: string): string | undefined => {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

export function registerAlexaRoute(server: Server, deps: AlexaRouteDeps): void {
  const verifier = new AlexaRequestVerifier({ fetchCertificate: deps.fetchCertificate, trustedRoots: deps.trustedRoots });
  if (deps.skipVerification) deps.log.warn('ALEXA_SKIP_VERIFICATION is on: /api/alexa accepts unsigned requests (local testing only)');

  server.post('/api/alexa', async (req: Request, res: Response) => {
    const parsed = AlexaRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      sendJson(res, 400, errorBody('bad_request', `invalid Alexa request: ${firstIssue(parsed.error, 'body')}`));
      return;
    }
    const body = parsed.data;
    if (!deps.skipVerification) {
      const rawBody: unknown = req.rawBody;
      const check = await verifier.verify({
        certChainUrl: header(req, 'SignatureCertChainUrl'),
        signature: header(req, 'Signature-256'),
        rawBody: typeof rawBody === 'string' ? rawBody : Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : '',
        timestamp: body.request.timestamp,
      });
      if (!check.ok) {
        deps.log.warn('alexa request refused', { reason: check.reason });
        sendJson(res, 400, errorBody('verification_failed', check.reason));
        return;
      }
    }
    if (deps.skillId && body.context.System.application.applicationId !== deps.skillId) {
      sendJson(res, 400, errorBody('wrong_skill', 'the request is for another skill'));
      return;
    }
    const turn = turnFor(body);
    if (turn.kind === 'acknowledge') {
      res.send(200, EMPTY_RESPONSE);
      return;
    }
    if (turn.kind === 'fixed') {
      res.send(200, fixedResponse(turn.speech));
      return;
    }
    let replies: Partial<Activity>[] = [];
    await deps.adapter.processActivityDirect(alexaAuthentication(deps.botAppId ?? ''), turn.activity as Activity, async (context) => {
      // The adapter buffers expectReplies answers on the context (also the error handler's apology).
      replies = context.bufferedReplyActivities;
      await deps.runTurn(context);
    });
    res.send(200, responseFromReplies(replies, turn.endSession));
  });
}
