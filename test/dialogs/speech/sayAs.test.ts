import { XMLValidator } from 'fast-xml-parser';
import { markUpForSpeech, spokenWords } from '../../../dialogs/speech/sayAs';
import { speakableText, toSsml } from '../../../dialogs/speech/ssml';
import { spokenProductName } from '../../../dialogs/speech/spokenName';

describe('say-as markup', () => {
  it.each([
    ['It is £1.45.', 'It is <say-as interpret-as="cardinal">1</say-as> pound <say-as interpret-as="cardinal">45</say-as><break strength="medium"/>'],
    ['£2.08 each', '<say-as interpret-as="cardinal">2</say-as> pounds <say-as interpret-as="cardinal">8</say-as> pence each'],
    ['under £20 now', 'under <say-as interpret-as="cardinal">20</say-as> pounds now'],
    ['only £0.85', 'only <say-as interpret-as="cardinal">85</say-as> pence'],
    ['€1,250.00 total', '<say-as interpret-as="cardinal">1250</say-as> euros total'],
    ['order 579003 is yours', 'order <say-as interpret-as="characters">5 7 9 0 0 3</say-as> is yours'],
    ['at M1 1AE ok', 'at <say-as interpret-as="characters">M 1 1 A E</say-as> ok'],
    ['on 2026-12-06 ok', 'on <say-as interpret-as="date" format="dmy">6 December 2026</say-as> ok'],
    ['I hold 12 orders', 'I hold <say-as interpret-as="cardinal">12</say-as> orders'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
  ])('%j', (text, ssml) => {
    expect(markUpForSpeech(text)).toBe(ssml);
  });

  it('never ends a document with a full stop right after markup (read as "dot")', () => {
    expect(toSsml('Order 579003.')).toMatch(/<\/say-as><break strength="medium"\/><\/speak>$/);
    expect(toSsml('It costs £3.')).toMatch(/pounds\.<\/speak>$/);
  });

  it('drops quotation marks but keeps apostrophes inside words', () => {
    expect(speakableText('Say "skip". It\'s Mum\'s \'best\' mug.')).toBe("Say skip. It's Mum's best mug.");
  });

  it('counts the words a listener hears', () => {
    expect(spokenWords(toSsml('Bag at £2.95, or mug at £3.'))).toEqual(['Bag', 'at', '2', 'pounds', '95', 'or', 'mug', 'at', '3', 'pounds.']);
  });

  it('stays valid XML with prices and references inside awkward text', () => {
    expect(XMLValidator.validate(toSsml('<b>£5 & "579003" at SW1A 1AA</b>'))).toBe(true);
  });
});

describe('product names for speech', () => {
  it.each([
    ['Mum + Dads Mug', 'mum and dads mug'],
    ['Set/6 Red Spotty Paper Cups', 'set of 6 red spotty paper cups'],
    ['Origami Vanilla Incense/Candle Set', 'origami vanilla incense and candle set'],
    ['Teatime Pen Case & Pens', 'teatime pen case and pens'],
    ["Wrap 50's Christmas", 'wrap 50s christmas'],
    ['Lunch Bag Black Skull.', 'lunch bag black skull'],
    ["Dolly Mixture Children's Umbrella", "dolly mixture children's umbrella"],
    ['Party Bunting "Happy Birthday"', 'party bunting happy birthday'],
    ['Set/9 Christmas T-Lights Scented', 'set of 9 christmas tea lights scented'],
  ])('%j -> %j', (name, spoken) => {
    expect(spokenProductName(name)).toBe(spoken);
  });

  it('keeps at most the given number of words', () => {
    expect(spokenProductName('White Hanging Heart T-Light Holder', 3)).toBe('white hanging heart');
  });
});
