import { keyRingProblems, usableKeys, type IdentityKey } from './identity-key-ring';

const at = (iso: string) => new Date(iso);
const oldKey: IdentityKey = {
  keyId: 'key-old',
  secret: 'o'.repeat(32),
  activeFrom: '2026-01-01T00:00:00Z',
  retiresAt: '2026-11-30T00:00:00Z',
};
const newKey: IdentityKey = {
  keyId: 'key-new',
  secret: 'n'.repeat(32),
  activeFrom: '2026-11-20T00:00:00Z',
};

describe('identity key ring rotation (S7)', () => {
  it('given a time before the rotation, then only the old key is usable', () => {
    expect(usableKeys([oldKey, newKey], at('2026-11-01T00:00:00Z')).map((k) => k.keyId)).toEqual([
      'key-old',
    ]);
  });

  it('given a time inside the overlap window, then both are usable, newest first', () => {
    expect(usableKeys([oldKey, newKey], at('2026-11-25T00:00:00Z')).map((k) => k.keyId)).toEqual([
      'key-new',
      'key-old',
    ]);
  });

  it('given the retirement instant or later, then the old key refuses', () => {
    expect(usableKeys([oldKey, newKey], at('2026-11-30T00:00:00Z')).map((k) => k.keyId)).toEqual([
      'key-new',
    ]);
  });

  it('reports short secrets, duplicate ids and empty windows', () => {
    expect(
      keyRingProblems([
        { ...newKey, secret: 'short' },
        { ...newKey, retiresAt: newKey.activeFrom },
      ]),
    ).toEqual([
      'keys.0.secret: shorter than 32 bytes',
      'keys.1.keyId: duplicate key-new',
      'keys.1.retiresAt: not after activeFrom',
    ]);
    expect(keyRingProblems([oldKey, newKey])).toEqual([]);
  });
});
