/**
 * The LUIS runtime client and @azure/ms-rest-js (with xml2js and its builders) are loaded only when a LUIS back end
 * is built: LUIS is a legacy, opt-in back end, so the default configuration does not pay for loading them.
 */
import type * as MsRest from '@azure/ms-rest-js';
import type * as LuisRuntime from '@azure/cognitiveservices-luis-runtime';

export interface LuisSdk {
  msRest: typeof MsRest;
  luisRuntime: typeof LuisRuntime;
}

export function loadLuisSdk(): LuisSdk {
  /* eslint-disable @typescript-eslint/no-require-imports -- deferred load, see above */
  return {
    msRest: require('@azure/ms-rest-js') as typeof MsRest,
    luisRuntime: require('@azure/cognitiveservices-luis-runtime') as typeof LuisRuntime,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}
