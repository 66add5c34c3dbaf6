import { formatDate, formatDateTime } from '../../miniapp/src/services/format';

describe('dates shown to the citizen', () => {
  it('when an instant is formatted, then it reads in Beijing time whatever the phone zone is', () => {
    expect(formatDateTime('2026-12-15T15:59:59.999Z')).toBe('2026年12月15日 23:59');
    expect(formatDate('2026-11-23T16:30:00.000Z')).toBe('2026年11月24日');
  });

  it('when the value is missing or not a date, then nothing is shown', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDate('not a date')).toBe('');
  });
});
