import { JsonBody, serializeReply } from './json-body.js';

describe('JsonBody', () => {
  it('is serialised once and sent as that text', () => {
    const value = { items: [{ id: 1, title: '社区义诊' }], total: 1 };
    const body = new JsonBody(value);
    value.total = 2;
    expect(serializeReply(body)).toEqual(Buffer.from('{"items":[{"id":1,"title":"社区义诊"}],"total":1}'));
  });

  it('serialises as its value anywhere else, and leaves other replies to JSON.stringify', () => {
    expect(JSON.stringify({ page: new JsonBody({ a: 1 }) })).toBe('{"page":{"a":1}}');
    expect(serializeReply({ code: 'POLL_CLOSED' })).toBe('{"code":"POLL_CLOSED"}');
  });
});
