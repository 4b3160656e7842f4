/** What every dialog is constructed with: injected services, the recognizer and the session accessor. */
import type { Services } from '../services/ports';
import type { Recognizer } from '../language/types';
import type { SessionAccessor, SessionPolicy } from './session';

export interface DialogDeps {
  services: Services;
  recognizer: Recognizer;
  session: SessionAccessor;
  /** When sign-ins end, and the clock. */
  policy: SessionPolicy;
  /** Where the bot is reached from outside (PUBLIC_BASE_URL): card images it draws get absolute links. */
  publicBaseUrl?: string;
}
