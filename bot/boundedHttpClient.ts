/**
 * The HTTP client for the connector's reply calls in anonymous mode: each call times out after a few seconds
 * and fails with a plain error, which the connector's pipeline does not retry. The stock client retries a
 * refused or reset connection three times with back-off, holding the caller's HTTP answer for about 11 s,
 * and waits without limit for a target that accepts but never answers.
 */
import type { ConnectorClientOptions } from 'botframework-connector';

type CompatHttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
type CompatRequest = Parameters<CompatHttpClient['sendRequest']>[0];
type CompatResponse = Awaited<ReturnType<CompatHttpClient['sendRequest']>>;
type CompatHeaders = CompatResponse['headers'];
type Header = ReturnType<CompatHeaders['headersArray']>[number];

class PlainHeaders implements CompatHeaders {
  constructor(private readonly byName = new Map<string, Header>()) {}
  set(name: string, value: string | number): void { this.byName.set(name.toLowerCase(), { name, value: String(value) }); }
  get(name: string): string | undefined { return this.byName.get(name.toLowerCase())?.value; }
  contains(name: string): boolean { return this.byName.has(name.toLowerCase()); }
  remove(name: string): boolean { return this.byName.delete(name.toLowerCase()); }
  rawHeaders(): Record<string, string> { return this.toJson(); }
  headersArray(): Header[] { return [...this.byName.values()]; }
  headerNames(): string[] { return this.headersArray().map((h) => h.name); }
  headerValues(): string[] { return this.headersArray().map((h) => h.value); }
  clone(): PlainHeaders { return new PlainHeaders(new Map(this.byName)); }
  toJson(options: { preserveCase?: boolean } = {}): Record<string, string> {
    return Object.fromEntries([...this.byName.entries()].map(([key, h]) => [options.preserveCase ? h.name : key, h.value]));
  }
}

export function boundedHttpClient(timeoutMs: number): CompatHttpClient {
  return {
    async sendRequest(request: CompatRequest): Promise<CompatResponse> {
      const body: unknown = request.body;
      let response: Response;
      try {
        response = await fetch(request.url, {
          method: request.method,
          headers: request.headers.toJson({ preserveCase: true }),
          body: typeof body === 'string' || body === undefined || body === null ? (body ?? undefined) : JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        // A plain Error (no system error code): the pipeline's retry policies let it through at once.
        const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : describe(error);
        throw new Error(`reply delivery to ${new URL(request.url).origin} failed: ${reason}`);
      }
      const headers = new PlainHeaders();
      response.headers.forEach((value, name) => headers.set(name, value));
      return { request, status: response.status, headers, bodyAsText: await response.text() };
    },
  };
}

function describe(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
