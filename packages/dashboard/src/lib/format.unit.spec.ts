import { formatWhen, percent } from './format';

describe('format', () => {
  it('shows a dash for no time and the raw text for a bad one', () => {
    expect(formatWhen(null)).toBe('—');
    expect(formatWhen('not a date')).toBe('not a date');
    expect(formatWhen('2026-01-01T00:00:00Z')).toMatch(/2026|26/);
  });

  it('keeps progress within 0..100', () => {
    expect(percent(5, 0)).toBe(0);
    expect(percent(1, 3)).toBe(33);
    expect(percent(12, 10)).toBe(100);
  });
});
