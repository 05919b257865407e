import { z } from 'zod'

// Before any schema exists: zod decides whether to compile parsers with `new Function` when a schema is built, and
// that probe alone breaks WeChat's rule against dynamic code and the H5 Content-Security-Policy (no 'unsafe-eval').
// So this module is imported ahead of @linli/shared.
z.config({ jitless: true })
