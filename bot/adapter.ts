/**
 * The CloudAdapter and its error handler. Authentication comes from the standard Bot Framework settings;
 * with no app id the adapter runs in anonymous local mode (fine locally, never in production).
 */
import {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions,
  type ConversationState, InputHints, type TurnContext,
} from 'botbuilder';
import { authMode, type Config } from './config';
import { ANONYMOUS_REPLY_TIMEOUT_MS } from './anonymousReplies';
import { boundedHttpClient } from './boundedHttpClient';
import type { Logger } from '../logging/logger';
import { ReusedConnectorAuthentication } from './reusedConnectorAuthentication';
import { speakable } from '../dialogs/speech/ssml';

export function createBotAuthentication(config: Config): ReusedConnectorAuthentication {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  };
  // Anonymous mode: replies go to loopback or allow-listed URLs only (see anonymousReplies.ts), each call bounded.
  const connectorOptions = authMode(config) === 'anonymous' ? { httpClient: boundedHttpClient(ANONYMOUS_REPLY_TIMEOUT_MS) } : {};
  return new ReusedConnectorAuthentication(new ConfigurationBotFrameworkAuthentication(options, undefined, undefined, undefined, connectorOptions));
}

const APOLOGY = 'Sorry, something went wrong on our side. Please try again, or type "help".';

/** A generic apology to the user, the full error to the log, and a clean conversation state. */
function createTurnErrorHandler(log: Logger, conversationState: ConversationState) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    log.error('turn failed', { error, conversation: context.activity.conversation?.id, activityType: context.activity.type });
    try {
      await context.sendActivity({ type: 'message', text: APOLOGY, speak: speakable(APOLOGY), inputHint: InputHints.AcceptingInput });
      // The dialog stack may be in a broken state: start the conversation afresh on the next turn.
      await conversationState.delete(context);
    } catch (secondary) {
      log.error('turn error handler failed', { error: secondary as Error });
    }
  };
}

export function createAdapter(auth: ReusedConnectorAuthentication, log: Logger, conversationState: ConversationState): CloudAdapter {
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = createTurnErrorHandler(log, conversationState);
  return adapter;
}
