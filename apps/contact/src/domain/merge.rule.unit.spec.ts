import { mergeTaken } from './merge.rule';

describe('S12 merge rule', () => {
  it('keeps the user within the limit, adding visitor-only keys in key order', () => {
    const taken = mergeTaken(
      { profile: {}, attributes: { a: 1 } },
      { profile: {}, attributes: { z: 1, c: 2, b: 3 } },
      { profileFields: [], attributeKeys: ['x'] },
      4,
    );
    expect(taken.attributes).toEqual({ b: 3, c: 2 });
  });

  it('never brings back a key the user removed, nor overrides an imported one', () => {
    const taken = mergeTaken(
      { profile: {}, attributes: { removed: null } },
      { profile: { company: 'V Corp' }, attributes: { removed: 'v', imported: 'v', fresh: true } },
      { profileFields: ['company'], attributeKeys: ['imported'] },
      100,
    );
    expect(taken).toEqual({ profile: {}, attributes: { fresh: true } });
  });
});
