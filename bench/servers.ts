/** Starts benchmark servers as child processes on free loopback ports and waits until they answer. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  name: string;
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Spawns `tsx <script> ...args` and polls `probe` until it answers or the time runs out. */
export async function startServer(name: string, script: string, args: string[], env: NodeJS.ProcessEnv, port: number, probe: (url: string) => Promise<boolean>): Promise<RunningServer> {
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const url = `http://127.0.0.1:${port}`;
  // Generous: on a busy machine seeding PostgreSQL and building the indexes can take a while.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited early (${child.exitCode}): ${stderr.slice(-2000)}`);
    if (await probe(url).catch(() => false)) {
      return {
        name, url, child,
        stop: () => new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
      };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not start within 180 s: ${stderr.slice(-2000)}`);
}

/** True once the server completes one expectReplies turn. */
export async function answersTurns(url: string): Promise<boolean> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', text: 'ping', channelId: 'bench', deliveryMode: 'expectReplies', serviceUrl: 'http://127.0.0.1:1',
      conversation: { id: 'probe' }, from: { id: 'probe-user' }, recipient: { id: 'bot' },
    }),
  });
  return res.status === 200;
}
