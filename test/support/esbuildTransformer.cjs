/**
 * jest transformer: TypeScript (and the ESM-only packages jest.config.js lets through) to CommonJS with esbuild,
 * transpile only. Types are checked once by `tsc --noEmit` in `npm test`, so per-file type checks (ts-jest) were
 * paid twice; esbuild transpiles a file in about a millisecond. Modules stay strict as tsc emits them (a write to a
 * frozen record throws). Files that call `jest.mock` get jest's own hoisting (babel-plugin-jest-hoist, which jest
 * brings), so the mock is registered before the imports run, as ts-jest did.
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { extname } = require('node:path');
const esbuild = require('esbuild');

const ownSource = readFileSync(__filename, 'utf8');
const MOCKS = /\bjest\.(mock|unmock|deepUnmock|enableAutomock|disableAutomock)\(/;
const loaders = { '.ts': 'ts', '.tsx': 'tsx', '.js': 'js', '.jsx': 'jsx', '.mjs': 'js', '.cjs': 'js' };

module.exports = {
  process(sourceText, sourcePath) {
    const loader = loaders[extname(sourcePath)] ?? 'js';
    const { code, map } = esbuild.transformSync(sourceText, {
      loader,
      // tsconfig.json's `strict` implies alwaysStrict; target ES2022 keeps its class-field semantics.
      tsconfigRaw: { compilerOptions: { alwaysStrict: true, target: 'ES2022' } },
      format: 'cjs',
      target: 'node20',
      sourcemap: 'external',
      sourcesContent: false,
      sourcefile: sourcePath,
      logLevel: 'silent',
    });
    if (!MOCKS.test(sourceText)) return { code, map };
    const hoisted = require('@babel/core').transformSync(code, {
      filename: sourcePath, babelrc: false, configFile: false, sourceMaps: true, inputSourceMap: JSON.parse(map),
      plugins: [require.resolve('babel-plugin-jest-hoist')],
    });
    return { code: hoisted.code, map: hoisted.map };
  },
  getCacheKey(sourceText, sourcePath, options) {
    return createHash('sha256')
      .update(ownSource).update('\0').update(esbuild.version).update('\0')
      .update(sourcePath).update('\0').update(sourceText).update('\0')
      .update(options.configString)
      .digest('hex');
  },
};
