import { contactIdOf } from '@threadline/contracts';
import fc from 'fast-check';
import { ClaimedContacts } from './claimed-contacts';

const userIds = (applicationId: string, count: number, from = 0) =>
  Array.from({ length: count }, (_, i) =>
    contactIdOf(applicationId, { kind: 'user', userId: `u-${from + i}` }),
  );

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/**
 * Contact ids with any digest, including those no SHA-256 would give (zeros, near-twins). A
 * contact is known by the first 128 bits of its digest, the first 21⅓ characters: the rest is fixed.
 */
const anyContactId = fc
  .string({ unit: fc.constantFrom(...BASE64URL), minLength: 21, maxLength: 21 })
  .map((digest) => `usr_${digest}${'A'.repeat(11)}`);

describe('claimed contacts (S10: a contact appears once per file)', () => {
  it('given nothing claimed, when a contact is claimed twice, then only the first claim holds', () => {
    const claims = new ClaimedContacts();
    const [ann, bob] = userIds('app-1', 2) as [string, string];
    expect(claims.claim(ann)).toBe(true);
    expect(claims.claim(bob)).toBe(true);
    expect(claims.claim(ann)).toBe(false);
    expect(claims.claim(bob)).toBe(false);
    expect(claims.size).toBe(2);
  });

  it('given a user, a visitor and an email contact, when each is claimed, then none is taken for another', () => {
    const claims = new ClaimedContacts();
    const ids = [
      contactIdOf('app-1', { kind: 'user', userId: 'ann@example.com' }),
      contactIdOf('app-1', { kind: 'visitor', visitorId: 'ann@example.com' }),
      contactIdOf('app-1', { kind: 'email', email: 'ann@example.com' }),
      contactIdOf('app-2', { kind: 'email', email: 'ann@example.com' }),
    ];
    expect(ids.map((id) => claims.claim(id))).toEqual([true, true, true, true]);
    expect(ids.map((id) => claims.claim(id))).toEqual([false, false, false, false]);
  });

  it('given 200,000 contacts claimed across many resizes, then none was a false duplicate and all are remembered', () => {
    const claims = new ClaimedContacts();
    const startBytes = claims.byteLength;
    const ids = userIds('app-big', 200_000);
    const refused = ids.filter((id) => !claims.claim(id));
    expect(refused).toEqual([]);
    expect(claims.size).toBe(200_000);
    // 1,024 slots at first, 2^19 to hold 200,000 at a load of at most 3/4: nine doublings.
    expect(claims.byteLength).toBe(startBytes * 2 ** 9);
    expect(claims.byteLength / claims.size).toBeLessThan(45);
    expect(ids.filter((id) => claims.claim(id))).toEqual([]);
    expect(userIds('app-big', 1_000, 200_000).every((id) => claims.claim(id))).toBe(true);
  });

  it('given digests that start alike (one home slot), when they are claimed, then probing tells them apart', () => {
    const claims = new ClaimedContacts();
    // The first six characters make the first word, which picks the slot.
    const alike = Array.from(
      { length: 3_000 },
      (_, i) => `usr_AAAAAA${i.toString(36).padStart(15, 'A')}${'A'.repeat(11)}`,
    );
    expect(alike.every((id) => claims.claim(id))).toBe(true);
    expect(alike.some((id) => claims.claim(id))).toBe(false);
    expect(claims.size).toBe(3_000);
  });

  it('when something that is not a contact id is claimed, then it throws instead of guessing', () => {
    const claims = new ClaimedContacts();
    for (const bad of ['', 'usr_short', `abc_${'A'.repeat(32)}`, `usr_${'A'.repeat(31)}.`]) {
      expect(() => claims.claim(bad)).toThrow(/not a contact id/);
    }
    expect(claims.size).toBe(0);
  });

  it('answers as a Set of the ids would, for any sequence of ids with repeats', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(anyContactId, { minLength: 1, maxLength: 400 }),
        fc.array(fc.nat(), { maxLength: 3_000 }),
        (pool, picks) => {
          const claims = new ClaimedContacts();
          const seen = new Set<string>();
          for (const pick of picks) {
            const id = pool[pick % pool.length] as string;
            const expected = !seen.has(id);
            seen.add(id);
            if (claims.claim(id) !== expected) return false;
          }
          return claims.size === seen.size;
        },
      ),
      { numRuns: 200 },
    );
  });
});
