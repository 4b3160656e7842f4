/**
 * The reference for the throughput benchmark: a minimal stock botbuilder echo bot, as in Bot Framework's
 * own samples (restify + CloudAdapter + ActivityHandler, nothing tuned). Run: `tsx bench/echoBot.ts <port>`.
 */
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage } from 'botbuilder';

class EchoBot extends ActivityHandler {
  constructor(state: ConversationState) {
    super();
    const turns = state.createProperty<number>('turns');
    this.onMessage(async (context, next) => {
      const count = (await turns.get(context, 0)) + 1;
      await turns.set(context, count);
      await context.sendActivity(`Echo: ${context.activity.text}`);
      await next();
    });
    this.onTurn(async (context, next) => {
      await next();
      await state.saveChanges(context);
    });
  }
}

const port = Number(process.argv[2] ?? 3979);
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot(new ConversationState(new MemoryStorage()));
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.listen(port, '127.0.0.1', () => process.stdout.write(`echo bot listening on ${port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
