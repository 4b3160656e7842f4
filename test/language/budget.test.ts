import { parseBudget } from '../../language/entities/budget';
import type { Budget } from '../../language/types';

describe('parseBudget', () => {
  test.each<[string, Budget | undefined]>([
    ['under £20', { max: 20, currency: 'GBP' }],
    ['less than 15 pounds', { max: 15, currency: 'GBP' }],
    ['between 10 and 30 dollars', { min: 10, max: 30, currency: 'USD' }],
    ['between ten and thirty', { min: 10, max: 30 }],
    ['twenty quid', { max: 20, currency: 'GBP' }],
    ['£5-£10', { min: 5, max: 10, currency: 'GBP' }],
    ['£10 - £5', { min: 5, max: 10, currency: 'GBP' }],
    ['from 5 to 12 euros', { min: 5, max: 12, currency: 'EUR' }],
    ['over 50', { min: 50 }],
    ['more than fifty pounds', { min: 50, currency: 'GBP' }],
    ['at least €30', { min: 30, currency: 'EUR' }],
    ['30 quid or more', { min: 30, currency: 'GBP' }],
    ['around 20', { min: 15, max: 25 }],
    ['about twenty pounds', { min: 15, max: 25, currency: 'GBP' }],
    ['20ish', { min: 15, max: 25 }],
    ['no more than twenty pounds', { max: 20, currency: 'GBP' }],
    ['not more than 40', { max: 40 }],
    ['up to $25', { max: 25, currency: 'USD' }],
    ['£12.50 max', { max: 12.5, currency: 'GBP' }],
    ['show me candles under twenty five pounds', { max: 25, currency: 'GBP' }],
    ['a present for my mum for about a tenner', { min: 7.5, max: 12.5, currency: 'GBP' }],
    ['my budget is 30', { max: 30 }],
    ['something under 50p', { max: 0.5, currency: 'GBP' }],
    ['£1,000 or less', { max: 1000, currency: 'GBP' }],
    ['show me candles', undefined],
    ['order 536365', undefined],
    ['i want four mugs', undefined],
    ['20', undefined],
  ])('%j -> %p', (text, expected) => {
    expect(parseBudget(text)).toEqual(expected);
  });

  test.each<[string, Budget | undefined]>([
    ['20', { max: 20 }],
    ['twenty', { max: 20 }],
    ['£15', { max: 15, currency: 'GBP' }],
    ['not sure', undefined],
  ])('as the answer to a budget question %j -> %p', (text, expected) => {
    expect(parseBudget(text, { bareNumberIsMax: true })).toEqual(expected);
  });
});
