import { generatedName, userIdentityKey, visitorIdentityKey } from './generated-name';
import { ADJECTIVES, ANIMALS } from './word-lists';

describe('generated names (S5)', () => {
  it('given an identity, then the name has the form "Adjective Animal (anonym)"', () => {
    expect(generatedName(userIdentityKey('app-1', '12345'))).toMatch(
      /^[A-Z][a-z]+ [A-Z][a-z]+ \(anonym\)$/,
    );
  });

  it('given the same identity twice, then the name is the same; it uses both lists', () => {
    const key = userIdentityKey('app-1', '12345');
    const [adjective, animal] = generatedName(key).split(' ');

    expect(generatedName(key)).toBe(generatedName(key));
    expect(ADJECTIVES).toContain(adjective);
    expect(ANIMALS).toContain(animal);
  });

  it('keeps users of different applications and visitors apart', () => {
    expect(userIdentityKey('app-1', 'u')).not.toBe(userIdentityKey('app-2', 'u'));
    expect(userIdentityKey('a', 'b-c')).not.toBe(userIdentityKey('a-b', 'c'));
    expect(userIdentityKey('app-1', 'u')).not.toBe(visitorIdentityKey('app-1', 'u'));
  });

  it('given 2,000 identities, then collisions are rare and the names spread over both lists', () => {
    const names = Array.from({ length: 2000 }, (_, i) =>
      generatedName(userIdentityKey('app-1', `user-${i}`)),
    );

    expect(new Set(names).size).toBeGreaterThan(1960);
    expect(new Set(names.map((n) => n.split(' ')[0])).size).toBeGreaterThan(350);
    expect(new Set(names.map((n) => n.split(' ')[1])).size).toBeGreaterThan(350);
  });

  it.each([
    ['adjectives', ADJECTIVES],
    ['animals', ANIMALS],
  ])('has at least 300 capitalized single-word %s without duplicates', (_kind, words) => {
    expect(words.length).toBeGreaterThanOrEqual(300);
    expect(new Set(words).size).toBe(words.length);
    expect(words.filter((word) => !/^[A-Z][a-z]+$/.test(word))).toEqual([]);
  });

  it('never pairs a word with itself, as no word is in both lists', () => {
    expect(ADJECTIVES.filter((word) => ANIMALS.includes(word))).toEqual([]);
  });
});
