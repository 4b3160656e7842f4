import { isUnderspecified, refineRequest, requestFromEntities, withExclusions } from '../../../dialogs/suggestions/request';
import { formatPrice, parseCardAction } from '../../../dialogs/suggestions/cards';
import { readComment, readRating } from '../../../dialogs/survey/answers';
import { routeFor } from '../../../dialogs/routing';
import type { ShownItem } from '../../../dialogs/session';
import type { Entities, RecognitionResult } from '../../../language/types';

const item = (productId: string, price: number): ShownItem => ({
  productId, name: productId, price, currency: 'GBP', category: 'other', inStock: true, reason: 'r',
});
const SHOWN = [item('a', 2), item('b', 6), item('c', 10)];

describe('suggestion requests', () => {
  it.each([
    [{ occasion: 'birthday', recipient: 'dad' }, 'gift'],
    [{ occasion: 'birthday', present: true }, 'gift'],
    [{ occasion: 'anniversary', recipient: 'wife' }, 'gift'],
    [{ occasion: 'birthday', categories: ['party'] }, 'birthday'],
    [{ occasion: 'christmas', recipient: 'mum' }, 'christmas'],
    [{ occasion: 'baby', present: true }, 'baby'],
  ] as [Partial<Entities>, string][])('a present for a person\'s day is a gift request; a season or party goods keep their theme: %j -> %s', (entities, occasion) => {
    expect(requestFromEntities({ categories: [], keywords: [], ...entities }).occasion).toBe(occasion);
  });

  it('a birthday present for someone drops "birthday" as a product word; party goods keep it', () => {
    expect(requestFromEntities({ categories: [], keywords: ['birthday', 'garden'], occasion: 'birthday', recipient: 'wife' })).toEqual({ keywords: ['garden'], occasion: 'gift' });
    expect(requestFromEntities({ categories: ['party'], keywords: ['birthday'], occasion: 'birthday' })).toEqual({ categories: ['party'], keywords: ['birthday'], occasion: 'birthday' });
  });

  it('a child\'s present: the age group narrows, words about the person ("boy") do not, and it is a gift', () => {
    expect(requestFromEntities({ categories: [], keywords: ['boys', 'robot'], audience: 'child' })).toEqual({ keywords: ['robot'], audience: 'child', occasion: 'gift' });
    expect(requestFromEntities({ categories: [], keywords: ['boys'] })).toEqual({ keywords: ['boys'] });
  });

  it('colours and a price order reach the request', () => {
    expect(requestFromEntities({ categories: [], keywords: ['mug'], colours: ['green'], priceOrder: 'lowest' })).toEqual({ keywords: ['mug'], colours: ['green'], priceOrder: 'lowest' });
  });

  it('a named recipient makes it a gift', () => {
    expect(requestFromEntities({ categories: [], keywords: [], recipient: 'mum', budget: { max: 20 } })).toEqual({ occasion: 'gift', budget: { min: undefined, max: 20 } });
  });

  it.each([
    [{}, true], [{ budget: { max: 5 } }, true], [{ occasion: 'gift' }, false], [{ keywords: ['mug'] }, false], [{ similarTo: 'x' }, false],
    [{ colours: ['pink'] }, false], [{ audience: 'child' as const }, false], [{ priceOrder: 'lowest' as const }, false],
  ])('%j underspecified: %s', (request, expected) => {
    expect(isUnderspecified(request)).toBe(expected);
  });

  it.each([
    ['cheaper', { max: 5.99 }],
    ['pricier', { min: 6.01 }],
  ] as const)('%s pivots on the median shown price and excludes what was shown', (refinement, budget) => {
    const refined = refineRequest({ categories: ['x'] }, refinement, SHOWN);
    expect(refined.budget).toEqual(expect.objectContaining(budget));
    expect(refined.exclude).toEqual(['a', 'b', 'c']);
    expect(refined.categories).toEqual(['x']);
  });

  it('cheaper never raises an existing, lower cap', () => {
    expect(refineRequest({ budget: { max: 3 } }, 'cheaper', SHOWN).budget?.max).toBe(2.99);
  });

  it('exclusions stay bounded', () => {
    const many = Array.from({ length: 150 }, (_, i) => `p${i}`);
    expect(withExclusions({}, many).exclude).toHaveLength(100);
  });
});

describe('card actions and prices', () => {
  it.each([
    [{ action: 'why', productId: '23145' }, { action: 'why', productId: '23145' }],
    [{ action: 'why' }, null], [{ action: 'drop_tables', productId: '1' }, null], ['why', null], [undefined, null],
  ])('parses %j', (value, expected) => {
    expect(parseCardAction(value)).toEqual(expected);
  });

  it.each([[12.5, 'GBP', '£12.50'], [3, 'EUR', '€3.00'], [2, 'XX1', '2.00 XX1']])('formats %s %s', (amount, currency, text) => {
    expect(formatPrice(amount, currency)).toBe(text);
  });
});

describe('survey answers', () => {
  it.each([
    ['4', 1, 5, 4], ['four', 1, 5, 4], ['Five stars', 1, 5, 5], ['skip', 1, 5, 'skip'], ['7', 1, 5, null], ['0', 1, 5, null],
    ['0', 0, 10, 0], ['nine out of ten', 0, 10, 9], ['10', 0, 10, 10], ['banana', 0, 10, null], ['4.5', 1, 5, null],
  ])('%j on %i..%i -> %j', (text, min, max, expected) => {
    expect(readRating(text, min, max)).toBe(expected);
  });

  it.each([['  great  ', 'great'], ['no comment', 'skip'], ['', null], ['x'.repeat(1001), null]])('comment %j -> %j', (text, expected) => {
    expect(readComment(text)).toBe(expected);
  });
});

describe('routing', () => {
  const recognition = (intent: RecognitionResult['intent'], score = 0.9): RecognitionResult => ({ intent, score, entities: { categories: [], keywords: [] } });
  it.each([
    ['show me mugs', recognition('get_suggestions'), 'suggestions'],
    ['cheaper', recognition('refine_suggestions'), 'suggestions'],
    ['delete my data', recognition('delete_my_data'), 'privacy'],
    ['No, that\'s all', recognition('none', 0.1), 'done'],
    ['bye', recognition('goodbye'), 'done'],
    ['hmm', recognition('get_suggestions', 0.2), 'unknown'],
    ['agent', recognition('human_agent'), 'handoff'],
    ['read them all', recognition('goodbye', 0.3), 'suggestions'],
    ['tell me more', recognition('none', 0.1), 'suggestions'],
    ['where is my order 579003?', recognition('identify', 0.97), 'service'],
    ["what's your returns policy?", recognition('none', 0.01), 'service'],
    ['can I return a present', recognition('get_suggestions', 0.2), 'service'],
    ['a gift for my mum delivered by friday', recognition('get_suggestions'), 'suggestions'],
    ['stop sending me emails about my order', recognition('opt_out_marketing'), 'privacy'],
    ['under £5 please', { intent: 'none', score: 0.27, entities: { categories: [], keywords: [], budget: { max: 5, currency: 'GBP' } } }, 'suggestions'],
    ['under £5 please', { intent: 'cancel', score: 0.2, entities: { categories: [], keywords: [], budget: { max: 5, currency: 'GBP' } } }, 'suggestions'],
    ['\u{1F44B}', recognition('none', 0.4), 'greet'],
    ['\u{1F44B}\u{1F3FD}', recognition('none', 0.4), 'greet'],
  ] as const)('%j -> %s', (text, result, kind) => {
    expect(routeFor(text, result as RecognitionResult).kind).toBe(kind);
  });
});
