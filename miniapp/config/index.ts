import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import type { IMiniAppConfig } from '@tarojs/taro/types/compile'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * The shared contract is compiled from source (not from shared/dist) so that a build never needs
 * `pnpm --filter @linli/shared build` first and always matches the server's schemas.
 * Its relative imports end in `.js` (NodeNext ESM), hence the extensionAlias on its files only.
 * `@linli/shared` is src/shared-runtime.ts (zod set up before any schema is built); the app's entry reads only
 * `@linli/shared/page-paths`, so zod and the schemas load with the pages that use them, not in the entry.
 */
const sharedSrc = path.resolve(__dirname, '../../shared/src')

type Chain = Parameters<NonNullable<IMiniAppConfig['webpackChain']>>[0]
function useSharedSource(chain: Chain) {
  chain.resolve.alias.set('@linli/shared$', path.resolve(__dirname, '../src/shared-runtime.ts'))
  chain.resolve.alias.set('@linli/shared/page-paths$', path.join(sharedSrc, 'page-paths.ts'))
  chain.module.rule('linli-shared').test(/\.ts$/).include.add(sharedSrc).end().resolve.set('extensionAlias', { '.js': ['.ts', '.js'] })
}

/** NutUI is drawn for a 375 px wide design, our own styles for 750 (so 36px in our CSS = 18 px on a phone). */
function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' ? input.file : undefined
  return file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli-miniapp',
    date: '2026-11-21',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {},
    // The browser tab's icon, for the H5 build only (a mini-program has none).
    copy: {
      patterns:
        process.env.TARO_ENV === 'h5'
          ? [{ from: 'src/favicon.svg', to: 'dist/h5/favicon.svg' }]
          : // The service circle's map markers name their icon by path (weapp's map wants a file, not an import).
            [{ from: 'src/packages/circle/marker.png', to: `dist/${process.env.TARO_ENV}/packages/circle/marker.png` }],
      options: {},
    },
    framework: 'react',
    // The dev prebundler (esbuild) cannot follow shared's `.js` → `.ts` imports; webpack compiles it anyway.
    compiler: { type: 'webpack5', prebundle: { exclude: ['@linli/shared'] } },
    cache: { enable: true },
    mini: {
      compile: { include: [sharedSrc] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        useSharedSource(chain)
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing (/#/pages/...): the server serves dist/h5 as plain static files and needs no history fallback.
      router: { mode: 'hash' },
      compile: { include: [sharedSrc] },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        useSharedSource(chain)
        // Taro splits only the entry; pages are lazy chunks that would each carry their own copy of NutUI.
        chain.optimization.set('splitChunks', { ...chain.optimization.get('splitChunks'), chunks: 'all' })
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
