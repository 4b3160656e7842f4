/**
 * The ActivityHandler stays thin: welcome new members, run the main dialog, save state.
 * Everything conversational lives in dialogs/.
 */
import { ActivityHandler, type BotState, type TurnContext } from 'botbuilder';
import type { Dialog, DialogState } from 'botbuilder-dialogs';
import { DialogSet, DialogTurnStatus } from '../dialogs/dialogClasses';
import type { StatePropertyAccessor } from 'botbuilder';

export interface ShoppingBotOptions {
  conversationState: BotState;
  dialog: Dialog;
  /** Sends the welcome for members who joined (never for the bot itself). */
  welcome: (context: TurnContext) => Promise<void>;
}

export class ShoppingBot extends ActivityHandler {
  private readonly dialogs: DialogSet;

  constructor(private readonly options: ShoppingBotOptions) {
    super();
    const dialogState: StatePropertyAccessor<DialogState> = options.conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(dialogState).add(options.dialog);

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient?.id);
      if (joined.length > 0) await options.welcome(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      // Not botbuilder's runDialog: it sends a trace with a snapshot of all dialog memory on every turn,
      // which costs time and would return the shopper's state in every expectReplies body.
      const dialogContext = await this.dialogs.createContext(context);
      const result = await dialogContext.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dialogContext.beginDialog(options.dialog.id);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    // Saved even when the turn sent nothing, so prompts resume where they left off.
    await this.options.conversationState.saveChanges(context, false);
  }
}
