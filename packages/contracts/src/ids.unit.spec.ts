import { contactIdOf, contactIdOfThread, ContactIdPattern, threadStreamId } from './ids';

describe('contact ids', () => {
  it('given the same user of the same application, when derived twice, then they are equal', () => {
    expect(contactIdOf('100001', { kind: 'user', userId: '12345' })).toBe(
      contactIdOf('100001', { kind: 'user', userId: '12345' }),
    );
  });

  it('given the same user_id in two applications, when derived, then they differ (S17)', () => {
    expect(contactIdOf('100001', { kind: 'user', userId: '12345' })).not.toBe(
      contactIdOf('100002', { kind: 'user', userId: '12345' }),
    );
  });

  it('given a user_id equal to a visitor id, when derived, then the kinds keep them apart', () => {
    const user = contactIdOf('100001', { kind: 'user', userId: 'v1' });
    const visitor = contactIdOf('100001', { kind: 'visitor', visitorId: 'v1' });
    expect(user).not.toBe(visitor);
    expect(user).toMatch(/^usr_/);
    expect(visitor).toMatch(/^vis_/);
  });

  it('given emails differing in case and spaces, when derived, then they are one contact', () => {
    expect(contactIdOf('1', { kind: 'email', email: ' Ann@Example.com ' })).toBe(
      contactIdOf('1', { kind: 'email', email: 'ann@example.com' }),
    );
  });

  it('given any user_id up to 255 characters, when derived, then the id is bounded and URL-safe', () => {
    const id = contactIdOf('1', { kind: 'user', userId: '$.é/ '.repeat(51) });
    expect(id).toMatch(ContactIdPattern);
  });

  it('given a thread stream id, when parsed, then the contact id comes back; other streams give undefined', () => {
    const contactId = contactIdOf('1', { kind: 'user', userId: 'u' });
    expect(contactIdOfThread(threadStreamId(contactId))).toBe(contactId);
    expect(contactIdOfThread('user-1-abc')).toBeUndefined();
    expect(contactIdOfThread('thread-not-a-contact')).toBeUndefined();
  });
});
