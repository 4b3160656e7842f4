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

const MAX_CACHED = 256;

class BoundedCache<T> {
  private readonly entries = new Map<string, T>();
  getOrCreate(key: string, create: () => T): T {
    const found = this.entries.get(key);
    if (found !== undefined) return found;
    const value = create();
    if (this.entries.size >= MAX_CACHED) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
    return value;
  }
  delete(key: string): void {
    this.entries.delete(key);
  }
}

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(private readonly inner: ConnectorFactory, private readonly appId: string, private readonly cache: BoundedCache<Promise<ConnectorClient>>) {
    super();
  }
  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = `${this.appId}|${serviceUrl}|${audience ?? ''}`;
    const client = this.cache.getOrCreate(key, () => this.inner.create(serviceUrl, audience));
    // A failed creation must not be cached.
    client.catch(() => this.cache.delete(key));
    return client;
  }
}

function appIdOf(claims: ClaimsIdentity): string {
  return JwtTokenValidation.getAppIdFromClaims(claims.claims) ?? '';
}

export class ReusedConnectorAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new BoundedCache<Promise<ConnectorClient>>();
  private readonly tokenClients = new BoundedCache<Promise<UserTokenClient>>();

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
    const key = appIdOf(claimsIdentity);
    const client = this.tokenClients.getOrCreate(key, () => this.inner.createUserTokenClient(claimsIdentity));
    client.catch(() => this.tokenClients.delete(key));
    return client;
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
