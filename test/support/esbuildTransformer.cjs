/**
 * jest transformer: TypeScript (and the ESM-only packages jest.config.js lets through) to CommonJS with esbuild,
 * transpile only. Types are checked once by `tsc --noEmit` in `npm test`, so per-file type checks (ts-jest) were
 * paid twice; esbuild transpiles a file in about a millisecond.
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { extname } = require('node:path');
const esbuild = require('esbuild');

const ownSource = readFileSync(__filename, 'utf8');
const loaders = { '.ts': 'ts', '.tsx': 'tsx', '.js': 'js', '.jsx': 'jsx', '.mjs': 'js', '.cjs': 'js' };

module.exports = {
  process(sourceText, sourcePath) {
    const { code, map } = esbuild.transformSync(sourceText, {
      loader: loaders[extname(sourcePath)] ?? 'js',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'external',
      sourcesContent: false,
      sourcefile: sourcePath,
      logLevel: 'silent',
    });
    return { code, map };
  },
  getCacheKey(sourceText, sourcePath, options) {
    return createHash('sha256')
      .update(ownSource).update('\0').update(esbuild.version).update('\0')
      .update(sourcePath).update('\0').update(sourceText).update('\0')
      .update(options.configString)
      .digest('hex');
  },
};
