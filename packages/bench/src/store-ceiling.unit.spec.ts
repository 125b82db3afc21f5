import type { Figure } from './measure';
import { storeCeiling } from './store-ceiling';

describe('store ceiling', () => {
  const rawUpdates: Figure = { name: 'raw updateOne', value: 1_600, unit: 'updates/s' };

  it('given 1,600 raw updates/s, when each init needs one, then at most 1,600 inits/s', () => {
    const ceiling = storeCeiling(rawUpdates, 1, 'widget init', 'inits/s');
    expect(ceiling).toEqual({
      name: 'store ceiling, widget init: each needs at least one single-document update, at the rate of raw updateOne',
      value: 1_600,
      unit: 'inits/s',
    });
  });

  it('given 1,600 raw updates/s, when each message needs two, then at most 800 messages/s', () => {
    const ceiling = storeCeiling(rawUpdates, 2, 'widget message', 'messages/s');
    expect(ceiling.value).toBe(800);
    expect(ceiling.name).toContain('at least 2 single-document updates');
  });

  it('refuses a unit that needs no update, or part of one', () => {
    expect(() => storeCeiling(rawUpdates, 0, 'x', 'x/s')).toThrow('positive integer, got 0');
    expect(() => storeCeiling(rawUpdates, 1.5, 'x', 'x/s')).toThrow('positive integer, got 1.5');
  });
});
