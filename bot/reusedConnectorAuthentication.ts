/**
 * Wraps the Bot Framework authentication so connector and user-token clients are built once per
 * (app id, service URL, audience) and reused, instead of a new client and HTTP pipeline on every turn.
 * The stock CloudAdapter spends about a quarter of an echo turn building them, even for expectReplies
 * turns that never call out. Clients hold no per-turn state; the bounded cache keeps a caller who sends
 * many service URLs from growing memory.
 */
import {
  type AuthenticateRequestResult, BotFrameworkAuthentication, type BotFrameworkClient, type ClaimsIdentity,
  type ConnectorClient, ConnectorFactory, JwtTokenValidation, type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botframework-schema';
import { LRUCache } from 'lru-cache';

const MAX_CACHED = 256;

type BoundedCache<T extends object> = LRUCache<string, T>;
const boundedCache = <T extends object>(): BoundedCache<T> => new LRUCache<string, T>({ max: MAX_CACHED });

/** The cached promise, or a new one; a failed creation is dropped so the next call tries again. */
function reuse<T>(cache: BoundedCache<Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  const found = cache.get(key);
  if (found) return found;
  const created = create();
  cache.set(key, created);
  created.catch(() => { if (cache.get(key) === created) cache.delete(key); });
  return created;
}

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(private readonly inner: ConnectorFactory, private readonly appId: string, private readonly cache: BoundedCache<Promise<ConnectorClient>>) {
    super();
  }
  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return reuse(this.cache, `${this.appId}|${serviceUrl}|${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

function appIdOf(claims: ClaimsIdentity): string {
  return JwtTokenValidation.getAppIdFromClaims(claims.claims) ?? '';
}

export class ReusedConnectorAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = boundedCache<Promise<ConnectorClient>>();
  private readonly tokenClients = boundedCache<Promise<UserTokenClient>>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const factory = result.connectorFactory;
    return factory ? { ...result, connectorFactory: new ReusingConnectorFactory(factory, appIdOf(result.claimsIdentity), this.connectors) } : result;
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity), this.connectors);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return reuse(this.tokenClients, appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }
}
