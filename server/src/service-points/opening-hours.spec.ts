import { AppError } from '../common/app-error.js';
import { assertValidHours, openingToday, shanghaiMoment } from './opening-hours.js';

describe('opening hours', () => {
  it('reads the weekday and minute in Shanghai, whatever the server\'s zone', () => {
    expect(shanghaiMoment(new Date('2026-12-13T15:59:00Z'))).toEqual({ day: 7, minute: 23 * 60 + 59 });
    expect(shanghaiMoment(new Date('2026-12-13T16:00:00Z'))).toEqual({ day: 1, minute: 0 });
  });

  it('is open from the opening minute up to, not including, the closing minute; 24:00 is midnight', () => {
    const hours = { periods: [{ day: 1, open: '00:00', close: '24:00' }], note: '' };
    expect(openingToday(hours, new Date('2026-12-13T16:00:00Z')).openNow).toBe(true);
    expect(openingToday(hours, new Date('2026-12-14T15:59:00Z')).openNow).toBe(true);
    expect(openingToday(hours, new Date('2026-12-14T16:00:00Z'))).toEqual({ openNow: false, today: [] });
  });

  it('refuses periods that close before they open or overlap on a day', () => {
    const refuse = (periods: { day: number; open: string; close: string }[]) => () => assertValidHours({ periods, note: '' });
    expect(refuse([{ day: 1, open: '09:00', close: '09:00' }])).toThrow(AppError);
    expect(refuse([{ day: 1, open: '13:00', close: '18:00' }, { day: 1, open: '09:00', close: '13:01' }])).toThrow(AppError);
    expect(refuse([{ day: 1, open: '09:00', close: '13:00' }, { day: 1, open: '13:00', close: '18:00' }, { day: 2, open: '09:00', close: '18:00' }])).not.toThrow();
  });
});
