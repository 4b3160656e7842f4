import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeXml, speakableText, spokenList, toSsml } from '../../../dialogs/speech/ssml';
import { question, statement } from '../../../dialogs/speech/messages';
import { isVoiceActivity } from '../../../dialogs/speech/voice';
import { spokenWords } from '../../../dialogs/speech/sayAs';
import { GENERAL_HELP } from '../../../dialogs/copy';

const parser = new XMLParser({ ignoreAttributes: false });

describe('SSML', () => {
  it.each([
    ['Tom & Jerry <3 "quotes" \'apostrophes\'', 'Tom &amp; Jerry &lt;3 &quot;quotes&quot; &apos;apostrophes&apos;'],
    ['</speak><voice name="x">', '&lt;/speak&gt;&lt;voice name=&quot;x&quot;&gt;'],
    ['bell\u0007 char', 'bell char'],
  ])('escapes %j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });

  it('wraps text in a speak root with version, namespace and xml:lang en-GB', () => {
    const root = parser.parse(toSsml('Hello & welcome')).speak;
    expect(root['#text']).toBe('Hello & welcome');
    expect(root['@_xml:lang']).toBe('en-GB');
    expect(root['@_version']).toBe('1.0');
  });

  it('is valid XML for any text at all', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => XMLValidator.validate(toSsml(text)) === true), { numRuns: 300 });
  });

  it('drops markdown and collapses whitespace for speech', () => {
    expect(speakableText('**Bold**  and\n- a bullet')).toBe('Bold and a bullet');
  });

  it.each([[[], ''], [['a'], 'a'], [['a', 'b'], 'a or b'], [['a', 'b', 'c'], 'a, b or c']])('reads %j as %j', (items, spoken) => {
    expect(spokenList(items)).toBe(spoken);
  });
});

describe('message builders', () => {
  it('a statement ignores input and has no quick replies', () => {
    const message = statement('Done.');
    expect(message).toMatchObject({ type: 'message', text: 'Done.', inputHint: 'ignoringInput' });
    expect(message.suggestedActions).toBeUndefined();
  });

  it('a question expects input and shows its choices without reading them again', () => {
    const message = question('Try again?', { choices: ['Yes', 'No'] });
    expect(message.inputHint).toBe('expectingInput');
    expect(message.speak).toMatch(/>Try again\?<\/speak>$/);
    expect(message.suggestedActions?.actions.map((a) => a.value)).toEqual(['Yes', 'No']);
  });

  it('reads the choices once when the question asks for it', () => {
    const message = question('What is it for?', { choices: ['A gift', 'Christmas'], sayChoices: true });
    expect(message.speak).toMatch(/>What is it for\? You can say a gift or christmas\.<\/speak>$/);
  });

  it('speaks the short version of shared copy', () => {
    const message = statement(GENERAL_HELP);
    expect(message.text).toBe(GENERAL_HELP);
    expect(spokenWords(String(message.speak)).length).toBeLessThanOrEqual(25);
  });
});

describe('voice detection', () => {
  it.each([
    [{ channelId: 'directlinespeech' }, true],
    [{ channelId: 'webchat', channelData: { inputMethod: 'speech' } }, true],
    [{ channelId: 'webchat', channelData: { inputMethod: 'keyboard' } }, false],
    [{ channelId: 'webchat', channelData: 'speech' }, false],
    [{ channelId: 'msteams' }, false],
    [{ channelId: 'alexa' }, true],
  ])('%j -> %s', (activity, voice) => {
    expect(isVoiceActivity(activity)).toBe(voice);
  });
});
