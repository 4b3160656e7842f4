import { enforceDirection, statedDirections } from '../../language/local/direction';
import { isOppositeDirection } from '../../language/evaluation/metrics';
import type { RankedIntent } from '../../language/local/direction';

const ranked = (...pairs: [RankedIntent['intent'], number][]): RankedIntent[] => pairs.map(([intent, score]) => ({ intent, score }));

describe('statedDirections', () => {
  it.each([
    ['can you help me unsubscribing from the newsletter', ['off']],
    ['unsubscribe', ['off']],
    ['opt me out', ['off']],
    ['subscribe me to the newsletter', ['on']],
    ['opt me in', ['on']],
    ['turn emails back on', ['on']],
    ['delete my account', ['erase']],
    ['download my data', ['export']],
    ['thanks', []],
  ])('"%s" states %j', (text, expected) => {
    expect([...statedDirections(text)].sort()).toEqual(expected);
  });
});

describe('enforceDirection', () => {
  it('turns an opt-in guess for "unsubscribing" into the best opt-out, keeping the score', () => {
    const result = enforceDirection('help me unsubscribing from the newsletter', ranked(['opt_in', 0.6], ['help', 0.2], ['opt_out_marketing', 0.1]));
    expect(result[0]).toEqual({ intent: 'opt_out_marketing', score: 0.6 });
    expect(result.map((r) => r.intent)).toEqual(['opt_out_marketing', 'opt_in', 'help']);
  });

  it('turns an opt-out guess for "subscribe me" into opt-in', () => {
    expect(enforceDirection('subscribe me please', ranked(['opt_out_marketing', 0.5], ['opt_in', 0.3]))[0].intent).toBe('opt_in');
  });

  it('turns an export guess for "delete" into erasure, and the reverse', () => {
    expect(enforceDirection('remove everything about me', ranked(['export_my_data', 0.5], ['delete_my_data', 0.3]))[0].intent).toBe('delete_my_data');
    expect(enforceDirection('download what you hold', ranked(['delete_my_data', 0.5], ['export_my_data', 0.3]))[0].intent).toBe('export_my_data');
  });

  it('never flips an opt-out to opt-in when "I want" comes with a negative', () => {
    const optOut = ranked(['opt_out_marketing', 0.6], ['opt_in', 0.3]);
    for (const text of ['i want no more emails', "i'd like fewer emails", 'i would not like your offers', 'i want to stop the newsletter']) {
      expect(enforceDirection(text, optOut)[0].intent).toBe('opt_out_marketing');
    }
  });

  it('leaves mixed or silent wording to the model', () => {
    const both = ranked(['opt_in', 0.5], ['opt_out_marketing', 0.4]);
    expect(enforceDirection('stop the emails but sign me up for personalisation', both)).toEqual(both);
    expect(enforceDirection('newsletter', both)).toEqual(both);
  });

  it('leaves other intents alone', () => {
    const other = ranked(['get_suggestions', 0.9], ['opt_in', 0.05]);
    expect(enforceDirection('unsubscribe me from nothing, show me candles', other)).toEqual(other);
  });
});

describe('isOppositeDirection', () => {
  it.each([
    ['opt_out_marketing', 'opt_in', true],
    ['opt_in', 'opt_out_personalization', true],
    ['export_my_data', 'delete_my_data', true],
    ['opt_out_marketing', 'opt_out_personalization', false],
    ['delete_my_data', 'give_feedback', false],
  ] as const)('%s vs %s: %s', (expected, predicted, opposite) => {
    expect(isOppositeDirection(expected, predicted)).toBe(opposite);
  });
});
