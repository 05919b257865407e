import { z } from 'zod';

/**
 * Field messages in plain Chinese for both sides. `jitless` because WeChat forbids dynamic code
 * (zod probes `new Function`), and the server loses nothing measurable without it.
 */
export function configureZod(): void {
  z.config({ ...z.locales.zhCN(), jitless: true });
}
