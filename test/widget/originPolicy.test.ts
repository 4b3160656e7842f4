/** Who counts as the bot itself or a listed shop (bot/cors.ts). */
import { OriginPolicy } from '../../bot/cors';

describe('OriginPolicy', () => {
  const policy = new OriginPolicy(['https://shop.example', 'http://localhost:8080/'], 'https://bot.example');

  test.each([
    ['a listed shop', 'https://shop.example', true],
    ['a listed shop, port and all', 'http://localhost:8080', true],
    ['the same host on another port', 'http://localhost:8081', false],
    ['the same host on another scheme', 'http://shop.example', false],
    ['PUBLIC_BASE_URL', 'https://bot.example', true],
    ['the request\'s own host', 'http://10.0.0.5:3978', true],
    ['a stranger', 'https://evil.example', false],
    ['"null" (sandboxed frames, files)', 'null', false],
    ['garbage', 'not a url', false],
  ])('%s', (_name, origin, allowed) => {
    expect(policy.allows(origin, { host: '10.0.0.5:3978' })).toBe(allowed);
  });

  test('X-Forwarded-Host counts only with TRUST_PROXY', () => {
    const headers = { host: 'internal:3978', 'x-forwarded-host': 'chat.shop.example, proxy' };
    expect(new OriginPolicy([]).allows('https://chat.shop.example', headers)).toBe(false);
    expect(new OriginPolicy([], undefined, true).allows('https://chat.shop.example', headers)).toBe(true);
  });

  test('frame-ancestors gets the listed origins normalised', () => {
    expect(policy.origins).toEqual(['https://shop.example', 'http://localhost:8080']);
  });
});
