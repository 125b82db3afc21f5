import {
  attributeTypeOf,
  checkAttributeKey,
  formatAttributeValue,
  parseAttributeInput,
} from './attribute-value';

describe('parseAttributeInput', () => {
  it('types what the agent typed', () => {
    expect(parseAttributeInput('string', 'gold')).toEqual({ ok: true, value: 'gold' });
    expect(parseAttributeInput('number', ' 42.5 ')).toEqual({ ok: true, value: 42.5 });
    expect(parseAttributeInput('boolean', 'false')).toEqual({ ok: true, value: false });
    expect(parseAttributeInput('date', '2026-05-01T10:00:00Z')).toEqual({
      ok: true,
      value: { date: '2026-05-01T10:00:00.000Z' },
    });
  });

  it('says what is wrong with a value of the wrong type', () => {
    expect(parseAttributeInput('number', 'lots')).toEqual({ ok: false, error: 'not a number' });
    expect(parseAttributeInput('number', '')).toMatchObject({ ok: false });
    expect(parseAttributeInput('boolean', 'yes')).toEqual({ ok: false, error: 'true or false' });
    expect(parseAttributeInput('date', 'someday')).toMatchObject({ ok: false });
    expect(parseAttributeInput('string', 'x'.repeat(1025))).toMatchObject({ ok: false });
  });
});

describe('attribute keys and display', () => {
  it('accepts the keys the contract accepts', () => {
    expect(checkAttributeKey('plan_tier-2')).toBeUndefined();
    expect(checkAttributeKey('2fast')).toBeDefined();
    expect(checkAttributeKey('a.b')).toBeDefined();
    expect(checkAttributeKey('$set')).toBeDefined();
  });

  it('names each value type and shows dates as given', () => {
    expect(attributeTypeOf('x')).toBe('string');
    expect(attributeTypeOf(1)).toBe('number');
    expect(attributeTypeOf(true)).toBe('boolean');
    expect(attributeTypeOf({ date: '2026-01-01T00:00:00Z' })).toBe('date');
    expect(formatAttributeValue({ date: '2026-01-01T00:00:00Z' })).toBe('2026-01-01T00:00:00Z');
    expect(formatAttributeValue(false)).toBe('false');
  });
});
