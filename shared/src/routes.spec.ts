import { z } from 'zod';
import { buildPath, routes } from './routes.js';
import { ErrorCode, errorMessages } from './errors.js';

describe('route table', () => {
  it('has one handler per method and path', () => {
    const keys = Object.values(routes).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('declares every path param in its params schema', () => {
    for (const route of Object.values(routes)) {
      const names = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
      const params = 'params' in route ? (route.params as z.ZodObject).shape : {};
      expect(Object.keys(params).sort()).toEqual(names.sort());
    }
  });

  it('fills path params, encoding them', () => {
    expect(buildPath(routes.approveResidencyClaim.path, { id: 7 })).toBe('/residency-claims/7/approve');
    expect(buildPath('/x/:name', { name: 'a/b' })).toBe('/x/a%2Fb');
    expect(() => buildPath(routes.approveResidencyClaim.path)).toThrow(/id/);
  });
});

describe('error codes', () => {
  it('each has a Chinese message', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(errorMessages[code]).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
