import { loadSegmentDefinitions, SegmentDefinitionError, SegmentationEngine, defaultSegmentDefinitions } from '../../../recommender/segmentation';
import { AS_OF, customer, order } from './builders';

const definition = (overrides: Record<string, unknown>) => ({ id: 'vip', description: 'test', priority: 1, when: { orderCount: { min: 1 } }, ...overrides });
const load = (...segments: unknown[]) => () => loadSegmentDefinitions({ segments });

describe('rule definitions are validated with errors naming the definition and the field', () => {
  it.each([
    ['an unknown field', definition({ when: { shoeSize: { min: 40 } } }), /segment "vip": field when: .*shoeSize/],
    ['an RFM score outside 1..5', definition({ when: { rfm: { r: { min: 6 } } } }), /segment "vip": field when\.rfm\.r\.min/],
    ['a range with min above max', definition({ when: { orderCount: { min: 5, max: 2 } } }), /segment "vip": field when\.orderCount: min must not exceed max/],
    ['an unknown category', definition({ when: { categoryAffinity: { category: 'cars', minShare: 0.2 } } }), /segment "vip": field when\.categoryAffinity\.category/],
    ['a missing priority', { id: 'vip', description: 'x', when: { business: true } }, /segment "vip": field priority/],
    ['an empty condition', definition({ when: {} }), /segment "vip": field when: give at least one condition/],
    ['a bad id', definition({ id: 'Big Spenders' }), /segment "Big Spenders": field id: use lower_snake_case/],
  ])('refuses %s', (_what, raw, message) => {
    expect(load(raw)).toThrow(message);
  });

  it('names a definition without an id by its position and reports every problem at once', () => {
    const attempt = load(definition({}), { description: 'x', priority: 'high', when: { business: 'yes' } });
    expect(attempt).toThrow(SegmentDefinitionError);
    expect(attempt).toThrow(/segment #2: field id[\s\S]*segment #2: field priority[\s\S]*segment #2: field when\.business/);
  });

  it('refuses duplicate ids and unknown personas', () => {
    expect(load(definition({}), definition({}))).toThrow(/segment "vip": field id: defined more than once/);
    expect(() => new SegmentationEngine(loadSegmentDefinitions({ segments: [definition({ persona: 'nobody' })] }))).toThrow(/segment "vip": field persona: unknown persona "nobody"/);
  });

  it('accepts the shipped definitions', () => {
    expect(defaultSegmentDefinitions().length).toBeGreaterThan(3);
  });
});

describe('special categories of personal data are refused at load', () => {
  it.each([
    [{ religion: ['christian'] }, 'religion or belief', 'when.religion'],
    [{ values: ['eco-friendly', 'halal'] }, 'religion or belief', 'when.values[1]'],
    [{ ethnicity: 'any' }, 'racial or ethnic origin', 'when.ethnicity'],
    [{ healthCondition: true }, 'health or disability', 'when.healthCondition'],
    [{ values: ['wheelchair user'] }, 'health or disability', 'when.values[0]'],
    [{ sexualOrientation: ['gay'] }, 'sexual orientation', 'when.sexualOrientation'],
    [{ political_party: 'green' }, 'political opinion', 'when.political_party'],
    [{ tradeUnion: true }, 'trade union membership', 'when.tradeUnion'],
  ])('%j', (when, category, field) => {
    expect(load(definition({ when }))).toThrow(`segment "vip": field ${field} uses special-category data (${category}`);
  });

  it('does not mistake ordinary words for special categories', () => {
    expect(load(definition({ id: 'party_planners', when: { categoryAffinity: { category: 'party', minShare: 0.2 } } }))).not.toThrow();
  });
});

describe('rule membership and priority', () => {
  const segments = loadSegmentDefinitions({
    segments: [
      { id: 'international', description: 'outside the UK', priority: 10, when: { region: ['europe', 'rest_of_world'] } },
      { id: 'big_baskets', description: 'large orders', priority: 50, persona: 'premium_seeker', when: { averageBasket: { min: 100 } } },
      { id: 'eco', description: 'stated values', priority: 5, when: { values: ['Eco-Friendly'] } },
      { id: 'over_50', description: 'age band', priority: 1, when: { ageBand: ['50-64', '65+'] } },
      { id: 'lapsed', description: 'no order for 60 days', priority: 20, when: { daysSinceLastOrder: { min: 60 } } },
    ],
  });
  const assignments = new SegmentationEngine(segments, { clusters: false }).computeAll(
    [
      customer('1', { country: 'France', preferences: { categories: [], values: ['eco-friendly'] } }),
      customer('2', { demographics: { ageBand: '65+' } }),
      customer('3'),
    ],
    [order('1', '2011-12-01T00:00:00Z', [150]), order('2', '2011-09-01T00:00:00Z', [20])],
    AS_OF,
  );
  const byId = Object.fromEntries(assignments.map((a) => [a.customerId, a]));

  it('puts a customer in every matching segment, highest priority first, and picks it as primary', () => {
    expect(byId['1'].rules).toEqual(['big_baskets', 'international', 'eco']);
    expect(byId['1'].primary).toBe('big_baskets');
    expect(byId['1'].persona).toBe('premium_seeker');
  });

  it('matches demographics only where known and recency only with orders; falls back to the RFM label', () => {
    expect(byId['2'].rules).toEqual(['lapsed', 'over_50']);
    expect(byId['2'].primary).toBe('lapsed');
    expect(byId['3'].rules).toEqual([]);
    expect(byId['3'].primary).toBe('no_history');
  });
});
