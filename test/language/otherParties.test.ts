import type { RankedIntent } from '../../language/local/direction';
import { mentionsSocialNetwork, namesUnknownParty, routeOtherParties } from '../../language/local/otherParties';
import { createLocalRecognizer } from '../../language/local/recognizer';

const ranked = (...pairs: [RankedIntent['intent'], number][]): RankedIntent[] => pairs.map(([intent, score]) => ({ intent, score }));
const KNOWN = new Set(['complain', 'about', 'your', 'delivery', 'service', 'to', 'talk', 'someone', 'above', 'you']);
const isUnknownWord = (token: string): boolean => !KNOWN.has(token);

describe('routeOtherParties', () => {
  it('sends a post to a social network to none, keeping the in-scope reading as the runner-up', () => {
    const result = routeOtherParties('tweet a complaint about the late parcel', ranked(['give_feedback', 0.9], ['none', 0.05]), isUnknownWord);
    expect(result.map((r) => r.intent)).toEqual(['none', 'give_feedback']);
    expect(mentionsSocialNetwork('post it on Facebook')).toBe(true);
    expect(mentionsSocialNetwork('I posted a parcel back to you')).toBe(false);
  });

  it('sends a complaint naming an unknown company to none, but not one about this shop', () => {
    const other = routeOtherParties('complain about zorblax service', ranked(['give_feedback', 0.95], ['none', 0.03]), isUnknownWord);
    expect(other[0].intent).toBe('none');
    const ours = ranked(['give_feedback', 0.95], ['none', 0.03]);
    expect(routeOtherParties('complain about your delivery service', ours, isUnknownWord)).toEqual(ours);
  });

  it('leaves other intents and everyday words alone', () => {
    expect(namesUnknownParty('who can i talk to above you', isUnknownWord)).toBe(false);
    const cancel = ranked(['cancel', 0.8], ['none', 0.1]);
    expect(routeOtherParties('stop talking about zorblax', cancel, isUnknownWord)).toEqual(cancel);
  });
});

describe('local recognizer: other parties and stop commands', () => {
  const recognizer = createLocalRecognizer({ keywords: [] });

  it.each([
    ['tweet the bus company that the 42 never came', 'none'],
    ['write a complaint to Grumbleton Telecom about my bill', 'none'],
    ['i want to complain about my order from you', 'give_feedback'],
    ['please be quiet now', 'cancel'],
  ])('%s -> %s', async (text, intent) => {
    expect((await recognizer.recognize(text)).intent).toBe(intent);
  });
});
