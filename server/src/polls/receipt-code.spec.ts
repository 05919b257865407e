import { newBallotId, newReceiptCode, receiptHash } from './receipt-code.js';

describe('receipt codes and ballot ids', () => {
  it('are random, well-formed and never repeat', () => {
    const codes = new Set(Array.from({ length: 5000 }, () => newReceiptCode()));
    expect(codes.size).toBe(5000);
    for (const code of [...codes].slice(0, 100)) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const ids = Array.from({ length: 5000 }, () => newBallotId());
    expect(new Set(ids).size).toBe(5000);
    expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
    // Not in order of creation.
    expect([...ids].sort()).not.toEqual(ids);
  });

  it('match however the resident types the code back', () => {
    const code = 'K7QM-3XTP-9BCD-WR1F';
    for (const typed of ['k7qm3xtp9bcdwr1f', 'K7QM 3XTP 9BCD WR1F', 'k7qm-3xtp-9bcd-wrlf', 'K7QM-3XTP-9BCD-WRIF']) {
      expect(receiptHash(typed)).toBe(receiptHash(code));
    }
    expect(receiptHash('K7QM-3XTP-9BCD-WR2F')).not.toBe(receiptHash(code));
    expect(receiptHash(code)).toMatch(/^[0-9a-f]{64}$/);
  });
});
