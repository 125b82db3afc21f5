import { InMemoryEventStore } from '@threadline/eventing';
import type { UserIdentityEvent, VisitorEvent } from '../../domain';
import { keyedHash } from '../../domain';
import { userIdentityCodec } from './user-identity.codec';
import { visitorCodec } from './visitor.codec';

const metadata = { tenantId: '123456', correlationId: 'c', causationId: 'k' };
const at = '2026-11-23T10:00:00.000Z';

describe('user identity and visitor codecs', () => {
  it('given each event, when appended and loaded, then the contract accepts it and it decodes back', async () => {
    const store = new InMemoryEventStore({ now: () => new Date(at) });
    const userEvents: UserIdentityEvent[] = [
      {
        type: 'UserAuthenticated',
        userId: 'u-1',
        deviceId: 'dev_1',
        sessionId: 's-1',
        profile: { email: 'ann@acme.example' },
        generatedName: 'Giant Duck (anonym)',
        verifiedBy: 'key_1',
      },
      { type: 'HashBound', userId: 'u-1', keyedHash: keyedHash('p'.repeat(32), 'h') },
      {
        type: 'AuthenticationRejected',
        userId: 'u-1',
        reason: 'security-hash-mismatch',
        clientAddress: '203.0.113.7',
        at,
      },
    ];
    await store.append(
      'user-s',
      0,
      userEvents.map((e) => ({ ...userIdentityCodec.encode(e), ...metadata })),
    );
    expect((await store.load('user-s')).map((e) => userIdentityCodec.decode(e))).toEqual(
      userEvents,
    );

    const visitor: VisitorEvent = {
      type: 'VisitorStarted',
      visitorId: 'v-1',
      deviceId: 'dev_1',
      generatedName: 'Giant Duck (anonym)',
      prefill: { name: 'Ann' },
    };
    await store.append('visitor-s', 0, [{ ...visitorCodec.encode(visitor), ...metadata }]);
    expect((await store.load('visitor-s')).map((e) => visitorCodec.decode(e))).toEqual([visitor]);
    const [userEnvelope] = await store.load('user-s');
    expect(() => visitorCodec.decode(userEnvelope!)).toThrow(/cannot decode/);
  });
});
