// What `@linli/shared` resolves to in the app's builds (config/index.ts): the contract from source, with zod made
// jitless before any schema is built (WeChat forbids dynamic code, the H5 Content-Security-Policy has no
// 'unsafe-eval') and its messages in Chinese. Pages import it, the entry does not, so zod and the schemas load
// with the first page's chunks.
import './zod-jitless'
import { configureZod } from '../../shared/src/index'

export * from '../../shared/src/index'

configureZod()
