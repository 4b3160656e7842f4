/** Helpers for live-handoff tests through the real server: a staff member's HTTP session and an event-stream reader. */

export const ADMIN = { email: 'sam.jones@shop.test', password: 'a long admin passphrase' };
export const ADMIN_ENV = { STAFF_ADMIN_EMAIL: ADMIN.email, STAFF_ADMIN_PASSWORD: ADMIN.password };

export interface Staff {
  get(path: string): Promise<{ status: number; body: Record<string, unknown> }>;
  post(path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  put(path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
}

/** Signs in and sends JSON with the same-origin headers the review API's CSRF guard expects. */
export async function signIn(base: string, email: string, password: string): Promise<Staff> {
  const login = await fetch(`${base}/api/review/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in answered ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, ...(method !== 'GET' ? { 'content-type': 'application/json', origin: base } : {}) },
      body: method !== 'GET' ? JSON.stringify(body ?? {}) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  return { get: (path) => call('GET', path), post: (path, body) => call('POST', path, body), put: (path, body) => call('PUT', path, body) };
}

/** Reads a text/event-stream response; `next()` resolves with the next `activity` event's data. */
export interface EventStream {
  status: number;
  next(): Promise<Record<string, unknown>>;
  close(): void;
}

export async function openStream(url: string): Promise<EventStream> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  const queue: Record<string, unknown>[] = [];
  const waiting: ((value: Record<string, unknown>) => void)[] = [];
  if (res.ok && res.body) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (!block.includes('event: activity') || !data) continue;
          const activity = JSON.parse(data) as Record<string, unknown>;
          const resolve = waiting.shift();
          if (resolve) resolve(activity);
          else queue.push(activity);
        }
      }
    })();
  }
  return {
    status: res.status,
    next: () => new Promise((resolve) => {
      const queued = queue.shift();
      if (queued) resolve(queued);
      else waiting.push(resolve);
    }),
    close: () => controller.abort(),
  };
}

export async function newChat(base: string): Promise<{ conversationId: string; userId: string; resumeToken: string }> {
  const res = await fetch(`${base}/api/chat/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: '{}' });
  if (res.status !== 201) throw new Error(`new chat answered ${res.status}`);
  return (await res.json()) as { conversationId: string; userId: string; resumeToken: string };
}
