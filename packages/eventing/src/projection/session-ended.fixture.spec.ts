/** A valid published `identity.session-ended` envelope for the record-decoding specs. */
export const sessionEnded = {
  eventId: '019aaf00-0000-7000-8000-000000000006',
  type: 'identity.session-ended',
  version: 1,
  occurredAt: '2026-11-23T10:00:00.000Z',
  tenantId: 'app-demo',
  streamId: 'session-s1',
  streamVersion: 2,
  correlationId: 'corr-1',
  causationId: 'cause-1',
  payload: { sessionId: 's1', reason: 'logout' },
};
