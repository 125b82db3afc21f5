import { decodeEvent, defineEvent, eventContracts } from '@threadline/contracts';
import { z } from 'zod';
import { createEventDecoder } from './event-decoder';
import { defineUpcaster, upcaster } from './upcaster';

// Test-local contracts: v1 carried a bare amount in cents, v2 a money object, v3 a sales channel.
const OrderPlacedV1 = defineEvent(
  'shop.order-placed',
  1,
  z.strictObject({ orderId: z.string().min(1), amountCents: z.number().int() }),
);
const OrderPlacedV2 = defineEvent(
  'shop.order-placed',
  2,
  z.strictObject({
    orderId: z.string().min(1),
    total: z.strictObject({ cents: z.number().int(), currency: z.string().length(3) }),
  }),
);
const OrderPlacedV3 = defineEvent(
  'shop.order-placed',
  3,
  z.strictObject({
    orderId: z.string().min(1),
    total: z.strictObject({ cents: z.number().int(), currency: z.string().length(3) }),
    channel: z.enum(['web', 'unknown']),
  }),
);
const v1ToV2 = defineUpcaster(OrderPlacedV1, OrderPlacedV2, (p) => ({
  orderId: p.orderId,
  total: { cents: p.amountCents, currency: 'EUR' },
}));
const v2ToV3 = defineUpcaster(OrderPlacedV2, OrderPlacedV3, (p) => ({
  ...p,
  channel: 'unknown' as const,
}));

/** Published before v2 existed: frozen, exactly as it stands on the topic. */
const publishedV1 = Object.freeze({
  eventId: '019aaf00-0000-7000-8000-0000000000c1',
  type: 'shop.order-placed',
  version: 1,
  occurredAt: '2026-11-23T10:00:00.000Z',
  tenantId: 'app-demo',
  streamId: 'order-1',
  streamVersion: 1,
  correlationId: 'corr-1',
  causationId: 'cause-1',
  payload: Object.freeze({ orderId: 'o-1', amountCents: 1250 }),
});

describe('event decoder with upcasters', () => {
  it('given a frozen v1 event and a v1→v2 upcaster, when decoded, then it reads as v2 and the record is untouched', () => {
    const decoder = createEventDecoder({
      contracts: [OrderPlacedV1, OrderPlacedV2],
      upcasters: [v1ToV2],
    });
    const result = decoder.decode(publishedV1);
    expect(result).toEqual({
      ok: true,
      event: {
        ...publishedV1,
        version: 2,
        payload: { orderId: 'o-1', total: { cents: 1250, currency: 'EUR' } },
      },
    });
    expect(publishedV1.version).toBe(1);
    expect(publishedV1.payload).toEqual({ orderId: 'o-1', amountCents: 1250 });
  });

  it('given v1, v2 and v3 contracts, when a v1 event is decoded, then the upcasters chain to v3', () => {
    const decoder = createEventDecoder({
      contracts: [OrderPlacedV3, OrderPlacedV1, OrderPlacedV2],
      upcasters: [v2ToV3, v1ToV2],
    });
    const result = decoder.decode(publishedV1);
    expect(result).toMatchObject({
      ok: true,
      event: { version: 3, payload: { total: { cents: 1250 }, channel: 'unknown' as const } },
    });
    expect(decoder.currentVersion('shop.order-placed')).toBe(3);
  });

  it('given a current-version event, when decoded, then no upcaster runs', () => {
    const up = jest.fn();
    const decoder = createEventDecoder({
      contracts: [OrderPlacedV1, OrderPlacedV2],
      upcasters: [upcaster('shop.order-placed', 1, up)],
    });
    const v2 = {
      ...publishedV1,
      version: 2,
      payload: { orderId: 'o', total: { cents: 1, currency: 'USD' } },
    };
    expect(decoder.decode(v2)).toEqual({ ok: true, event: v2 });
    expect(up).not.toHaveBeenCalled();
  });

  it('given a v1 payload broken at v1, when decoded, then the reason names the v1 field', () => {
    const decoder = createEventDecoder({
      contracts: [OrderPlacedV1, OrderPlacedV2],
      upcasters: [v1ToV2],
    });
    const result = decoder.decode({ ...publishedV1, payload: { orderId: 'o', amountCents: 'x' } });
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    expect(!result.ok && result.reason).toMatch(/^payload\.amountCents: /);
  });

  it('given an upcaster whose output breaks the next contract, when decoded, then the reason says after which step', () => {
    const decoder = createEventDecoder({
      contracts: [OrderPlacedV1, OrderPlacedV2],
      upcasters: [upcaster('shop.order-placed', 1, (p) => ({ ...(p as object), total: null }))],
    });
    const result = decoder.decode(publishedV1);
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    expect(!result.ok && result.reason).toContain('(after upcasting from version 1 to 2)');
  });

  it('given an upcaster that throws, when decoded, then the event is invalid with the upcaster named', () => {
    const decoder = createEventDecoder({
      contracts: [OrderPlacedV1, OrderPlacedV2],
      upcasters: [
        upcaster('shop.order-placed', 1, () => {
          throw new Error('boom');
        }),
      ],
    });
    expect(decoder.decode(publishedV1)).toEqual({
      ok: false,
      kind: 'invalid',
      reason: 'upcaster of shop.order-placed from version 1 failed: boom',
    });
  });

  it('given a version newer than the current contract, when decoded, then it is unknown (skipped, not parked)', () => {
    const decoder = createEventDecoder({ contracts: [OrderPlacedV1] });
    expect(decoder.decode({ ...publishedV1, version: 2 })).toMatchObject({
      ok: false,
      kind: 'unknown-type',
    });
  });

  it('refuses at construction a declared version that cannot reach the current one', () => {
    expect(() => createEventDecoder({ contracts: [OrderPlacedV1, OrderPlacedV2] })).toThrow(
      /no upcaster from version 1/,
    );
  });

  it('refuses two upcasters from one version, and one leading past the current contract', () => {
    expect(() =>
      createEventDecoder({
        contracts: [OrderPlacedV1, OrderPlacedV2],
        upcasters: [v1ToV2, v1ToV2],
      }),
    ).toThrow(/two upcasters/);
    expect(() => createEventDecoder({ contracts: [OrderPlacedV1], upcasters: [v1ToV2] })).toThrow(
      /leads past the current contract/,
    );
  });

  it('refuses an upcaster that skips a version or changes the type', () => {
    expect(() => defineUpcaster(OrderPlacedV1, OrderPlacedV3, () => ({}) as never)).toThrow(
      /one version up/,
    );
    const Other = defineEvent('shop.order-paid', 2, z.object({}));
    expect(() => defineUpcaster(OrderPlacedV1, Other, () => ({}))).toThrow(/another type/);
  });

  it('given only the platform contracts and no upcasters, then it decodes exactly like decodeEvent', () => {
    const decoder = createEventDecoder({ contracts: eventContracts });
    const samples: unknown[] = [
      publishedV1,
      { ...publishedV1, type: 'identity.session-ended', payload: {} },
      { ...publishedV1, eventId: 'nope' },
    ];
    for (const raw of samples) expect(decoder.decode(raw)).toEqual(decodeEvent(raw));
  });
});
