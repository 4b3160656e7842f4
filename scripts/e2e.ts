/**
 * End-to-end check against a running bot: `npm run e2e -- [--url http://localhost:3978] [--email E --postcode P]`.
 * Prints each turn and exits non-zero on the first unexpected reply. It ERASES the customer it signs in as
 * (by default the demo customer Jonas Becker); on a store where that already happened, pass another
 * customer or start from the seed again (delete var/).
 */
import { parseArgs } from 'node:util';
import { DEMO_CUSTOMERS } from '../data/seed/demoCustomers';
import { conversationTurns, runConversation, signInTurns } from './e2eConversation';

const fallback = DEMO_CUSTOMERS[DEMO_CUSTOMERS.length - 1];
const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3978' },
    email: { type: 'string', default: fallback.email },
    postcode: { type: 'string', default: fallback.postcode },
  },
});

async function main(): Promise<void> {
  const url = values.url ?? 'http://localhost:3978';
  const customer = { email: values.email ?? fallback.email, postcode: values.postcode ?? fallback.postcode };
  const print = (line: string) => process.stdout.write(`${line}\n`);
  print(`End-to-end conversation against ${url} as ${customer.email}`);
  await runConversation(url, conversationTurns(customer), print);
  print('\nA new conversation after erasure: the same details must not sign in.');
  await runConversation(url, signInTurns(customer, /couldn't verify/i), print);
  print('\nE2E PASSED');
}

main().catch((error: unknown) => {
  process.stderr.write(`\nE2E FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
  process.stderr.write('If sign-in failed at once, the customer may have been erased by an earlier run: start from the seed (delete var/) or pass --email and --postcode.\n');
  process.exit(1);
});
