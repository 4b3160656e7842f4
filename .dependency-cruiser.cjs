/**
 * The layer rule of docs/ARCHITECTURE.md, checked by `npm test` (npm run lint:layers) so a wrong-way import fails.
 *
 *   bot ──> dialogs ──> language            bot: the composition root and channel layer; may import every layer
 *    │        └──> services (ports) <── recommender (pure)
 *    └──> review ──┘       data: store adapters behind data/ports
 *   neutral, importable by every layer: domain (imports nothing internal), http (error model, JSON), logging
 *   test/, bench/, scripts/ may import anything; nothing in the source imports them.
 */
const SOURCE = '^(bot|dialogs|language|recommender|services|domain|data|review|http|logging)/';

const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

module.exports = {
  forbidden: [
    forbid('no-circular', 'Runtime import cycles make start-up order and mocking fragile (type-only imports are erased).', {},
      { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } }),
    forbid('source-not-test', 'Production code must not depend on test helpers.', { path: SOURCE }, { path: '^test/' }),
    forbid('only-entry-points-import-bot', 'bot/ is the top layer: only its own files, tests, benches and scripts import it.',
      { path: '^(dialogs|language|recommender|services|domain|data|review|http|logging)/' }, { path: '^bot/' }),
    forbid('dialogs-flow-only', 'Dialogs get services through constructors: no store, no console, no channel code.',
      { path: '^dialogs/' }, { path: '^(bot|data|review)/' }),
    forbid('services-behind-ports', 'Services see stores only through data/ports (and their own ports), never an adapter or an upper layer.',
      { path: '^services/' }, { path: '^(bot|dialogs|review|language)/|^data/(lowdb|postgres|console|seed|import)/' }),
    forbid('recommender-pure', 'recommender/ is pure: plain data in, plain data out.',
      { path: '^recommender/' }, { path: '^(bot|dialogs|review|services|data|language|http)/|^node_modules/(botbuilder|botframework|restify|lowdb|pg)' }),
    forbid('review-not-upwards', 'The console API sits beside the bot: it reaches stores through ports, never the channel or dialogs.',
      { path: '^review/' }, { path: '^(bot|dialogs)/|^data/(lowdb|postgres)/' }),
    forbid('language-is-a-leaf', 'Recognizers know nothing of the layers that use them.',
      { path: '^language/' }, { path: '^(bot|dialogs|review|services|data|recommender)/' }),
    forbid('domain-imports-nothing-internal', 'domain/ is the shared vocabulary: it depends on no other layer.',
      { path: '^domain/' }, { path: '^(bot|dialogs|language|recommender|services|data|review|http|logging)/' }),
    forbid('neutral-plumbing', 'http/ and logging/ are shared by every layer, so they borrow from none.',
      { path: '^(http|logging)/' }, { path: '^(bot|dialogs|language|recommender|services|data|review)/' }),
    forbid('data-below-services', 'Store adapters implement ports; they do not call services, dialogs or the channel.',
      { path: '^data/' }, { path: '^(bot|dialogs|review|services|language)/' }),
    forbid('botbuilder-only-in-channel-layers', 'botbuilder types stay in bot/ and dialogs/ (data/ implements its Storage).',
      { path: '^(language|recommender|services|domain|review|http|logging)/' }, { path: '^node_modules/(botbuilder|botframework-)' }),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(web|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
