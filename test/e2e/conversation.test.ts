/**
 * End to end through the real server: one customer identifies, gets suggestions, refines, asks why,
 * takes the survey, opts out of personalisation, exports and erases their data; another opts out of
 * personalisation. After a restart on the same store, the opt-out and the erasure still hold, and the
 * erased customer's email appears in no file of the store.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_CUSTOMERS } from '../../data/seed/demoCustomers';
import { conversationTurns, runConversation, signInTurns } from '../../scripts/e2eConversation';
import { startApp, type RunningApp } from '../support/app';

const [optingOut, , erased] = DEMO_CUSTOMERS;
const transcript: string[] = [];
const print = (line: string) => { transcript.push(line); };

function filesMentioning(dir: string, text: string): string[] {
  return readdirSync(dir).filter((file) => readFileSync(join(dir, file), 'utf8').includes(text));
}

let running: RunningApp;
afterAll(async () => { await running?.app.close(); });

describe('a whole conversation through the real server, then a restart', () => {
  it('identifies, suggests, refines, explains, surveys, opts out, exports and erases', async () => {
    running = await startApp();
    await runConversation(running.url, conversationTurns(erased), print);
    expect(transcript.join('\n')).toMatch(/erased/);
    // At once, before any restart compacts the files: no store file still holds what was erased.
    expect(filesMentioning(running.dir, erased.email)).toEqual([]);
    expect(filesMentioning(running.dir, erased.displayName)).toEqual([]);
  });

  it('opts a second customer out of personalisation', async () => {
    await runConversation(running.url, [
      ...signInTurns(optingOut, /signed in/i),
      { say: 'stop personalising my suggestions', expect: /history|personalis/i },
    ], print);
  });

  it('after a restart the opt-out holds', async () => {
    await running.app.close();
    running = await startApp({}, running.dir);
    await runConversation(running.url, [
      ...signInTurns(optingOut, /signed in/i),
      { say: 'show me candles', expect: /not personalised/i },
    ], print);
  });

  it('leaves the erased email and name in no store file after the restart', async () => {
    expect(readdirSync(running.dir).length).toBeGreaterThan(2);
    expect(filesMentioning(running.dir, erased.email)).toEqual([]);
    expect(filesMentioning(running.dir, erased.displayName)).toEqual([]);
  });

  it('no longer signs anyone in with the erased email', async () => {
    await runConversation(running.url, signInTurns(erased, /couldn't verify/i), print);
  });
});
