/**
 * The ActivityHandler stays thin: welcome new members, run the main dialog, save state.
 * Everything conversational lives in dialogs/.
 */
import { ActivityHandler, type BotState, type TurnContext } from 'botbuilder';
import { type Dialog, runDialog, type DialogState } from 'botbuilder-dialogs';
import type { StatePropertyAccessor } from 'botbuilder';

export interface ShoppingBotOptions {
  conversationState: BotState;
  dialog: Dialog;
  /** Sends the welcome for members who joined (never for the bot itself). */
  welcome: (context: TurnContext) => Promise<void>;
}

export class ShoppingBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(private readonly options: ShoppingBotOptions) {
    super();
    this.dialogState = options.conversationState.createProperty<DialogState>('dialogState');

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient?.id);
      if (joined.length > 0) await options.welcome(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      await runDialog(options.dialog, context, this.dialogState);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    // Saved even when the turn sent nothing, so prompts resume where they left off.
    await this.options.conversationState.saveChanges(context, false);
  }
}
