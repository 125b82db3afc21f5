import { bearerTokenOf, tokenKindOf } from './token-kind';

describe('bearer tokens', () => {
  it('reads the token of a Bearer header, and nothing else', () => {
    expect(bearerTokenOf('Bearer v1.abc.def')).toBe('v1.abc.def');
    expect(bearerTokenOf(['Bearer a1.x.y', 'Bearer other'])).toBe('a1.x.y');
    expect(bearerTokenOf(undefined)).toBeUndefined();
    expect(bearerTokenOf('Basic dXNlcjpwYXNz')).toBeUndefined();
    expect(bearerTokenOf('Bearer ')).toBeUndefined();
    expect(bearerTokenOf('Bearer two words')).toBeUndefined();
    expect(bearerTokenOf(`Bearer ${'a'.repeat(4097)}`)).toBeUndefined();
  });

  it('tells widget tokens from agent tokens by their kind', () => {
    expect(tokenKindOf('v1.payload.sig')).toBe('widget');
    expect(tokenKindOf('a1.payload.sig')).toBe('agent');
    expect(tokenKindOf('x1.payload.sig')).toBeUndefined();
    expect(tokenKindOf('')).toBeUndefined();
  });
});
