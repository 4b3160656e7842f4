import { createCompositeRecognizer } from '../../language/composite';
import { createRecognizer } from '../../language/index';
import { createLocalRecognizer } from '../../language/local/recognizer';
import { RemoteRecognizerError } from '../../language/remoteError';
import type { Recognizer, RecognitionResult } from '../../language/types';
import { chatCompletion } from './helpers/chatCompletions';
import { startJsonServer } from './helpers/jsonServer';

const local = createLocalRecognizer({ keywords: ['lantern'] });

interface LogEntry {
  msg: string;
  fields?: Record<string, unknown>;
}

function recordingLog(): { entries: LogEntry[]; log: (msg: string, fields?: Record<string, unknown>) => void } {
  const entries: LogEntry[] = [];
  return { entries, log: (msg, fields) => entries.push({ msg, fields }) };
}

/** A remote back end that always says "human_agent": easy to tell apart from the local answer. */
const remoteSaying = (result: Partial<RecognitionResult>): Recognizer => ({
  recognize: async () => ({ intent: 'human_agent', score: 0.9, entities: { categories: [], keywords: [] }, ...result }),
});
const remoteFailing = (error: Error): Recognizer => ({ recognize: async () => Promise.reject(error) });
/** Never settles and ignores its abort signal: only the composite's own timeout can save the turn. */
const remoteHanging: Recognizer = { recognize: () => new Promise<RecognitionResult>(() => undefined) };

function composite(remote: Recognizer, log: (msg: string, fields?: Record<string, unknown>) => void, minScore = 0.5) {
  return createCompositeRecognizer({ remote, remoteName: 'openai', local, timeoutMs: 50, minScore, log });
}

describe('composite recognizer', () => {
  test('a confident remote answer is used, with entities the remote missed filled in locally', async () => {
    const { entries, log } = recordingLog();
    const result = await composite(remoteSaying({ intent: 'get_suggestions', entities: { categories: ['candles_lighting'], keywords: [] } }), log)
      .recognize('a lantern for my mum under £20');
    expect(result.intent).toBe('get_suggestions');
    expect(result.entities).toMatchObject({ categories: ['candles_lighting'], keywords: ['lantern'], recipient: 'mum', budget: { max: 20, currency: 'GBP' } });
    expect(entries.at(-1)?.fields).toMatchObject({ backend: 'openai', intent: 'get_suggestions' });
    expect(typeof entries.at(-1)?.fields?.ms).toBe('number');
  });

  test.each<[string, Recognizer, string]>([
    ['times out', remoteHanging, 'timeout'],
    ['fails over HTTP', remoteFailing(new RemoteRecognizerError('openai', 'http', 'HTTP 500', { status: 500 })), 'http'],
    ['refuses', remoteFailing(new RemoteRecognizerError('openai', 'refusal', 'the model refused')), 'refusal'],
    ['throws something unexpected', remoteFailing(new TypeError('boom')), 'error'],
    ['answers outside the schema', remoteSaying({ score: 3 }), 'invalid_output'],
    ['is not confident', remoteSaying({ score: 0.2 }), 'low_score'],
  ])('falls back to local when the remote %s', async (_case, remote, reason) => {
    const { entries, log } = recordingLog();
    const result = await composite(remote, log).recognize('hello there');
    expect(result.intent).toBe('greet');
    expect(entries.at(-1)?.fields).toMatchObject({ backend: 'local', fallbackFrom: 'openai', reason });
  });

  test('never logs the utterance (it may hold an email address)', async () => {
    const { entries, log } = recordingLog();
    await composite(remoteHanging, log).recognize('my email is secret.person@example.com');
    await composite(remoteSaying({ intent: 'identify' }), log).recognize('my email is secret.person@example.com');
    expect(JSON.stringify(entries)).not.toMatch(/secret\.person|example\.com/);
  });
});

describe('createRecognizer (composition root factory)', () => {
  test('with no remote configured, the local recognizer answers', async () => {
    const { entries, log } = recordingLog();
    const recognizer = createRecognizer({ timeoutMs: 100, minScore: 0.5 }, { keywords: [] }, log);
    expect((await recognizer.recognize('goodbye')).intent).toBe('goodbye');
    expect(entries.map((e) => e.msg)).toContain('recognizer: local only');
  });

  test('with OpenAI configured, a hanging server falls back to local over the real wire', async () => {
    const server = await startJsonServer();
    server.respondWith(() => ({ hang: true }));
    try {
      const { entries, log } = recordingLog();
      const recognizer = createRecognizer(
        { openai: { baseURL: `${server.baseUrl}/v1`, apiKey: 'sk-test', model: 'gpt-test' }, timeoutMs: 100, minScore: 0.5 },
        { keywords: [] },
        log,
      );
      expect((await recognizer.recognize('cancel that')).intent).toBe('cancel');
      expect(entries.at(-1)?.fields).toMatchObject({ backend: 'local', fallbackFrom: 'openai', reason: 'timeout' });
    } finally {
      await server.close();
    }
  });

  test('with OpenAI configured and answering, the model decides the intent', async () => {
    const server = await startJsonServer();
    const answer = { intent: 'help', score: 0.97, entities: { categories: [], keywords: [], budget: null, occasion: null, recipient: null, email: null, postcode: null, orderNumber: null, rating: null, refinement: null, consentTopic: null } };
    server.respondWith(() => ({ body: chatCompletion({ content: JSON.stringify(answer) }) }));
    try {
      const { log } = recordingLog();
      const recognizer = createRecognizer(
        { openai: { baseURL: `${server.baseUrl}/v1`, apiKey: 'sk-test', model: 'gpt-test' }, timeoutMs: 2000, minScore: 0.5 },
        { keywords: [] },
        log,
      );
      // The local recognizer would say "goodbye"; the remote's "help" proves the remote answered.
      expect((await recognizer.recognize('goodbye')).intent).toBe('help');
    } finally {
      await server.close();
    }
  });
});
