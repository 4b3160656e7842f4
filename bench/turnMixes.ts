/**
 * The turns the throughput benchmark sends. Each connection plays one script again and again, each time
 * as a new conversation, so the load is many distinct conversations progressing turn by turn.
 */
export interface ScriptStep {
  text?: string;
  value?: Record<string, unknown>;
  /** Sign this turn in as a demo customer via channelData.identity. */
  signedIn?: boolean;
}

export interface TurnMix {
  name: string;
  description: string;
  /** Scripts are spread over the connections round-robin. */
  scripts: ScriptStep[][];
}

export const HELLO_MIX: TurnMix = {
  name: 'hello',
  description: 'one greeting per new conversation (the echo bot echoes it)',
  scripts: [[{ text: 'hi' }]],
};

export const SHOPPING_MIX: TurnMix = {
  name: 'shopping',
  description: 'identified customers asking and refining, guests browsing, survey answers',
  scripts: [
    // An identified customer asks, refines and explains.
    [
      { text: 'show me candles under 20 pounds', signedIn: true },
      { text: 'cheaper', signedIn: true },
      { text: 'something else', signedIn: true },
      { text: 'why this one', signedIn: true },
    ],
    // A guest looking for a gift.
    [
      { text: 'hi' },
      { text: 'a christmas gift under £15' },
      { text: 'cheaper' },
      { text: 'something else' },
    ],
    // A customer who takes the survey.
    [
      { text: 'i want to give feedback', signedIn: true },
      { text: '4', signedIn: true },
      { text: 'nine out of ten', signedIn: true },
      { text: 'skip', signedIn: true },
    ],
  ],
};

export const MIXES: Record<string, TurnMix> = { hello: HELLO_MIX, shopping: SHOPPING_MIX };
