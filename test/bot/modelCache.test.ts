/**
 * Where the bot keeps fitted models (bot/modelCache.ts): beside the embedded store by default, nowhere on PostgreSQL
 * unless a folder is set, nowhere with `off`; a restart over the same store restores them instead of fitting again.
 */
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../bot/config';
import { modelCacheDir } from '../../bot/modelCache';
import { startApp } from '../support/app';

describe('the model cache setting', () => {
  it('defaults beside the lowdb store, is off on PostgreSQL unless set, and `off` turns it off', () => {
    expect(modelCacheDir(loadConfig({ STORE_PATH: 'var/shop.json' }))).toBe('var/shop.json.models');
    expect(modelCacheDir(loadConfig({ DATABASE_URL: 'postgres://shop@127.0.0.1:5432/shop' }))).toBeNull();
    expect(modelCacheDir(loadConfig({ DATABASE_URL: 'postgres://shop@127.0.0.1:5432/shop', MODEL_CACHE_DIR: '/srv/models' }))).toBe('/srv/models');
    expect(modelCacheDir(loadConfig({ STORE_PATH: 'var/shop.json', MODEL_CACHE_DIR: 'off' }))).toBeNull();
    expect(modelCacheDir(loadConfig({ STORE_PATH: 'var/shop.json', MODEL_CACHE_DIR: 'OFF' }))).toBeNull();
  });
});

describe('a restart over unchanged data', () => {
  it('restores every fit from the folder beside the store (the default) and fits nothing again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assistant-'));
    const models = join(dir, 'store.json.models');
    const entries = () => Object.fromEntries(readdirSync(models).map((name) => [name, statSync(join(models, name)).size]));
    // MODEL_CACHE_DIR empty: unset, so the production default applies (not the test run's folder).
    let running = await startApp({ MODEL_CACHE_DIR: '' }, dir);
    await running.app.close();
    expect(Object.keys(entries()).map((name) => name.split('-')[0]).sort()).toEqual(expect.arrayContaining(['blend', 'clusters', 'ease', 'intent']));
    // The first start wrote fresh segments, which the recommender's groups read: the second start fits its blend for them.
    running = await startApp({ MODEL_CACHE_DIR: '' }, dir);
    await running.app.close();
    const kept = entries();
    running = await startApp({ MODEL_CACHE_DIR: '' }, dir);
    await running.app.close();
    expect(entries()).toEqual(kept);
    expect(running.logs.filter((line) => /kept model|fitted model/.test(line))).toEqual([]);
  });

  it('keeps nothing with MODEL_CACHE_DIR=off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assistant-'));
    const running = await startApp({ MODEL_CACHE_DIR: 'off' }, dir);
    await running.app.close();
    expect(existsSync(join(dir, 'store.json.models'))).toBe(false);
  });
});
