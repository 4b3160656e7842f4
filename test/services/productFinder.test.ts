import { ProductFinder } from '../../services/productFinder';

const product = (id: string, name: string) => ({ id, name, category: 'other', price: 2, currency: 'GBP', tags: [], inStock: true });
const finder = new ProductFinder([product('1', 'First Aid Tin'), product('2', 'White Hanging Heart T-Light Holder'), product('3', 'First Class Luggage Tag')]);

describe('ProductFinder', () => {
  it.each(['more like the first one', 'the second one', 'more like the last one', 'another one like that'])(
    'finds no product in %j: a position in the shown list is not a name word', (text) => {
      expect(finder.find(text)).toBeNull();
    });

  it('still finds products whose names hold those words by their other words', () => {
    expect(finder.find('first aid tin')?.id).toBe('1');
    expect(finder.find('more like the luggage tag')?.id).toBe('3');
    expect(finder.find('the white heart')?.id).toBe('2');
  });
});

describe('ProductFinder: plurals', () => {
  const shop = new ProductFinder([product('b', 'Hot Water Bottle Keep Calm'), product('x', 'Jewellery Box'), product('t', 'Christmas Tree Decoration')]);

  it.each([['the hot water bottles', 'b'], ['more like the jewellery boxes', 'x'], ['the trees', 't']])('%j names %s', (text, id) => {
    expect(shop.find(text)?.id).toBe(id);
  });
});
