/**
 * The real local recognizer never does the opposite of a consent or data request, however it is worded
 * (typed, spoken, indirect, with typos). Own wording; none of these lines is in the training corpus.
 */
import { createLocalRecognizer } from '../../language/local/recognizer';
import type { Intent } from '../../language/types';

const recognizer = createLocalRecognizer({ keywords: [] });

const OFF: Intent[] = ['opt_out_marketing', 'opt_out_personalization'];

describe('consent and data requests keep their direction', () => {
  test.each([
    'could you help me with unsubscribing from your emails',
    'um yeah so i want to unsubscribe from all the marketing stuff',
    'i keep getting newsletters i never asked for, make them stop',
    'i would rather not get any more promotional emails',
    'please stop tailoring suggestions based on what i bought',
    'unsubscirbe me',
  ])('%j is an opt-out, never an opt-in', async (text) => {
    expect(OFF).toContain((await recognizer.recognize(text)).intent);
  });

  test.each([
    'could you help me with subscribing to your emails',
    'please put me back on the newsletter',
    'i changed my mind and would like the offers emails again',
  ])('%j is an opt-in, never an opt-out', async (text) => {
    expect((await recognizer.recognize(text)).intent).toBe('opt_in');
  });

  test.each([
    'i have a problem getting my account closed',
    'how would i go about terminating my profile',
    'wipe my details from your systems please',
  ])('%j is erasure, never export', async (text) => {
    expect((await recognizer.recognize(text)).intent).toBe('delete_my_data');
  });

  test.each([
    'how would i go about downloading my details',
    'can i get a file with the personal data you keep',
  ])('%j is export, never erasure', async (text) => {
    expect((await recognizer.recognize(text)).intent).toBe('export_my_data');
  });
});
