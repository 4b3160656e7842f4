/**
 * `npm run voice:audit`: listens to the bot as a voice user would. Starts the real app on a temp store, drives
 * the e2e conversation and a list of extra voice turns as Web Chat messages that came by microphone
 * (channelData.inputMethod = "speech"), renders each turn's SSML with espeak-ng (when installed) and prints a
 * table: turn, spoken words, seconds, problems. Exits non-zero when a turn breaks a rule.
 * Rules: <= 8 s and about 25 words (15 s when the shopper asked for the whole list), no "type"/"click",
 * no "You can say" twice, no unmarked prices, no quotation marks, at most three prices.
 * `npm run voice:audit -- --show` also prints the words heard in each turn.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { createLogger } from '../logging/logger';
import { DEMO_CUSTOMERS } from '../data/seed/demoCustomers';
import { spokenWords } from '../dialogs/speech/sayAs';
import { READ_ALL } from '../dialogs/suggestions/spokenSuggestions';
import { conversationTurns } from './e2eConversation';

interface VoiceReply { type: string; text?: string; speak?: string; inputHint?: string; attachments?: { contentType: string; content?: unknown }[] }

const MAX_SECONDS = 8;
const MAX_SECONDS_FULL_LIST = 15;
const MAX_WORDS = 25;

/** Extra voice turns after the e2e conversation: spoken sign-in, a long list, help, a misunderstanding. */
function extraTurns(): string[] {
  const priya = DEMO_CUSTOMERS.find((c) => c.displayName.startsWith('Priya')) ?? DEMO_CUSTOMERS[0];
  const spokenEmail = priya.email.replace('@', ' at ').replace(/\./g, ' dot ');
  const spokenPostcode = priya.postcode.toLowerCase().replace(/\s+/g, '').split('').map((ch) => (/\d/.test(ch) ? ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'][Number(ch)] : ch)).join(' ');
  return [
    'hi', 'sign in', spokenEmail, spokenPostcode, 'a gift under 20 pounds for my mum', 'tell me more', 'cheaper',
    'something for christmas', 'read them all', 'why this one', 'show me something', 'christmas', 'help', 'blah blah wibble', 'what do you know about me',
    'feedback', 'yes', 'four', 'nine', 'it was lovely thank you', "no that's all",
  ];
}

function secondsOf(ssml: string, dir: string, index: number): number | null {
  const wav = join(dir, `turn-${index}.wav`);
  try {
    execFileSync('espeak-ng', ['-m', '-w', wav, ssml], { stdio: 'pipe', timeout: 30_000 });
  } catch {
    return null;
  }
  // PCM WAV: byte rate at offset 28, data size from the "data" chunk.
  const wavBytes = readFileSync(wav);
  const byteRate = wavBytes.readUInt32LE(28);
  const dataAt = wavBytes.indexOf('data', 12);
  const dataSize = dataAt >= 0 ? Math.min(wavBytes.readUInt32LE(dataAt + 4), wavBytes.length - dataAt - 8) : 0;
  return byteRate > 0 ? dataSize / byteRate : null;
}

function problemsOf(said: string, ssml: string, texts: string, words: number, seconds: number | null): string[] {
  const fullList = READ_ALL.test(said);
  const problems: string[] = [];
  const limit = fullList ? MAX_SECONDS_FULL_LIST : MAX_SECONDS;
  if (seconds !== null && seconds > limit) problems.push(`${seconds.toFixed(1)} s > ${limit} s`);
  if (!fullList && words > MAX_WORDS) problems.push(`${words} words > ${MAX_WORDS}`);
  if (/\b(type|click|tap)\b/i.test(`${ssml} ${texts}`)) problems.push('tells a voice user to type/click');
  if ((ssml.match(/You can say/g) ?? []).length > 1) problems.push('"You can say" twice');
  if (/[£€$]\s?\d/.test(ssml)) problems.push('price without say-as');
  if (/&quot;|[“”]/.test(ssml)) problems.push('quotation marks in speech');
  if (!fullList && (ssml.match(/ pounds?| pence/g) ?? []).length > 3) problems.push('more than three prices');
  if (/(picks?|ideas?)[^.]*:\s*My top/i.test(ssml)) problems.push('intro said twice');
  return problems;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'voice-audit-'));
  const config = loadConfig({ STORE_PATH: join(dir, 'store.json'), LOG_LEVEL: 'error' });
  const app = await createApp(config, createLogger('error', () => undefined));
  const url = await app.listen(0, '127.0.0.1');
  await app.ready;
  const jonas = DEMO_CUSTOMERS[DEMO_CUSTOMERS.length - 1];
  const e2e = conversationTurns({ email: jonas.email, postcode: jonas.postcode });
  const rows: { turn: string; words: number; seconds: number | null; problems: string[] }[] = [];
  let previous: VoiceReply[] = [];
  let index = 0;
  const run = async (conversationId: string, input: { text?: string; value?: unknown }, expected?: RegExp) => {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', text: input.text, value: input.value, channelId: 'webchat', deliveryMode: 'expectReplies', locale: 'en-GB',
        conversation: { id: conversationId }, from: { id: `${conversationId}-user` }, recipient: { id: 'bot' }, channelData: { inputMethod: 'speech' },
      }),
    });
    const replies = ((await res.json()) as { activities: VoiceReply[] }).activities.filter((r) => r.type === 'message');
    const ssml = `<speak>${replies.map((r) => (r.speak ?? '').replace(/^<speak[^>]*>|<\/speak>$/g, '')).join(' ')}</speak>`;
    const words = spokenWords(ssml).length;
    const seconds = secondsOf(ssml, dir, ++index);
    const said = input.text ?? 'card: why this?';
    if (process.argv.includes('--show')) process.stdout.write(`${said} => ${spokenWords(ssml).join(' ')}\n`);
    const texts = replies.map((r) => r.text ?? '').join(' ');
    const problems = problemsOf(said, ssml, texts, words, seconds);
    // The e2e conversation's own expectations hold for voice users too.
    if (expected && !expected.test(texts)) problems.push(`e2e expected ${expected}`);
    rows.push({ turn: said, words, seconds, problems });
    previous = replies;
  };
  for (const turn of e2e) {
    const input = typeof turn.say === 'string' ? { text: turn.say } : turn.say(previous as Parameters<Exclude<typeof turn.say, string>>[0]);
    await run('voice-audit-e2e', input, turn.expect);
  }
  for (const text of extraTurns()) await run('voice-audit-extra', { text });
  await app.close();
  rmSync(dir, { recursive: true, force: true });

  const pad = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));
  const lines = ['| # | turn | words | seconds | problems |', '|---|---|---|---|---|'];
  rows.forEach((row, i) => lines.push(`| ${i + 1} | ${pad(row.turn, 44)} | ${row.words} | ${row.seconds === null ? 'n/a' : row.seconds.toFixed(1)} | ${row.problems.join('; ') || '-'} |`));
  const failing = rows.filter((r) => r.problems.length > 0).length;
  const timed = rows.filter((r) => r.seconds !== null);
  lines.push('', `${rows.length} voice turns, ${failing} with problems; longest ${Math.max(...timed.map((r) => r.seconds ?? 0)).toFixed(1)} s, most words ${Math.max(...rows.map((r) => r.words))}`
    + (timed.length === 0 ? ' (espeak-ng not installed: no durations)' : ''));
  process.stdout.write(`${lines.join('\n')}\n`);
  if (failing > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`voice audit failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
});
