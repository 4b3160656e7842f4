import { demoteNegatedActions, NEGATED_SCORE_CAP } from '../../language/local/negation';
import type { RankedIntent } from '../../language/local/direction';
import { createLocalRecognizer } from '../../language/local/recognizer';

const ranked = (...pairs: [RankedIntent['intent'], number][]): RankedIntent[] => pairs.map(([intent, score]) => ({ intent, score }));

describe('demoteNegatedActions', () => {
  it('caps a negated opt-out under the confirmation threshold when nothing else is stated', () => {
    const result = demoteNegatedActions("i don't want to unsubscribe", ranked(['opt_out_marketing', 0.97], ['help', 0.02]));
    expect(result[0]).toEqual({ intent: 'opt_out_marketing', score: NEGATED_SCORE_CAP });
  });

  it('lets a likelier intent pass a negated action', () => {
    const result = demoteNegatedActions('do not delete my account, how do i change my email', ranked(['delete_my_data', 0.7], ['identify', 0.6]));
    expect(result.map((r) => r.intent)).toEqual(['identify', 'delete_my_data']);
  });

  it('promotes the contrary direction the text states instead', () => {
    const erase = demoteNegatedActions("don't delete my account, just send me a copy of my data", ranked(['delete_my_data', 0.7], ['export_my_data', 0.3]));
    expect(erase[0]).toEqual({ intent: 'export_my_data', score: 0.7 });
    const optOut = demoteNegatedActions('i do not want to opt out, keep the emails coming', ranked(['opt_out_marketing', 0.8], ['opt_in', 0.1]));
    expect(optOut[0].intent).toBe('opt_in');
    const optIn = demoteNegatedActions("i never signed up, stop emailing me", ranked(['opt_in', 0.6], ['opt_out_marketing', 0.35]));
    expect(optIn[0].intent).toBe('opt_out_marketing');
  });

  it('leaves plain requests and other intents alone', () => {
    const plain = ranked(['opt_out_marketing', 0.95], ['opt_in', 0.01]);
    expect(demoteNegatedActions('unsubscribe me', plain)).toEqual(plain);
    expect(demoteNegatedActions('i no longer want your emails', plain)).toEqual(plain);
    const other = ranked(['get_suggestions', 0.9]);
    expect(demoteNegatedActions("don't unsubscribe me, show me lamps", other)).toEqual(other);
  });
});

describe('the local recognizer with negation', () => {
  const recognizer = createLocalRecognizer({ keywords: [] });

  it('never acts with confidence on a negated consent or erasure request', async () => {
    for (const text of ["I don't want to unsubscribe", 'please do not close my account']) {
      const result = await recognizer.recognize(text);
      expect(result.score).toBeLessThanOrEqual(NEGATED_SCORE_CAP);
    }
  });

  it('reads "don\'t delete, send me a copy" as an export', async () => {
    expect((await recognizer.recognize("don't delete my account, just send me a copy of my data")).intent).toBe('export_my_data');
  });
});
