/**
 * The openai package (about 150 modules, a quarter of a second) is loaded only when an OpenAI back end is built,
 * so the default, offline configuration and every test that never configures OpenAI do not pay for it.
 */
import type * as OpenAiSdk from 'openai';

export type OpenAiModule = typeof OpenAiSdk;

export function loadOpenAiSdk(): OpenAiModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred load, see above
  return require('openai') as OpenAiModule;
}
