/**
 * The botbuilder-dialogs classes the bot builds, each from its own module rather than the package index: the index
 * also loads every prompt we do not use, and its date-time prompt alone brings a 1.9 MB recognizer bundle (about
 * 180 modules and a quarter of a second at every start, and in every jest suite that builds the bot). These are the
 * very classes the index re-exports, so types imported from 'botbuilder-dialogs' still match them.
 */
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
export { ConfirmPrompt } from 'botbuilder-dialogs/lib/prompts/confirmPrompt';
export { ListStyle } from 'botbuilder-dialogs/lib/prompts/prompt';
export { TextPrompt } from 'botbuilder-dialogs/lib/prompts/textPrompt';
