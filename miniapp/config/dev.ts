import type { UserConfigExport } from '@tarojs/cli'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    // `pnpm dev:h5` serves the app itself; the API is the local server's, on the same origin through this proxy.
    devServer: {
      proxy: [{ context: ['/api'], target: 'http://localhost:3000' }],
    },
  },
} satisfies UserConfigExport<'webpack5'>
