import { auditHistory } from '../test/support/audit-history';
import {
  emptyTimelineMessage,
  formatTimeline,
  redactedEnvelope,
  selectTimeline,
  type AuditQuery,
} from './audit-timeline';

const { events, expectedAsOf } = auditHistory('app-audit', 'app-other');
const shuffled = [...events].reverse();
const timeline = (query: Omit<AuditQuery, 'applicationId'> & { applicationId?: string }) => {
  const q = { applicationId: 'app-audit', ...query };
  return formatTimeline(selectTimeline(shuffled, q), q);
};

describe('audit timeline (S16)', () => {
  it("given a user's scripted history among others', then it prints exactly hers, in time order", () => {
    expect(timeline({ userId: 'ann' })).toEqual(expectedAsOf());
  });

  it.each([
    ['09:30:00.000', 'before she logged in: the anonymous chat was not hers yet'],
    ['10:00:00.500', 'logged in and bound, not yet merged'],
    ['10:00:01.200', 'the merge brings the anonymous chat in, up to its seal'],
    ['10:06:00.000', 'as-of is inclusive'],
    ['11:45:00.000', 'refused and renamed, not logged out'],
  ])('given --as-of %s (%s), then it prints what had happened by then', (time) => {
    expect(timeline({ userId: 'ann', asOf: new Date(`2026-11-23T${time}Z`) })).toEqual(
      expectedAsOf(time),
    );
  });

  it('given the first line as of 09:30, then there is none, and an empty message names the user', () => {
    const asOf = new Date('2026-11-23T09:30:00.000Z');
    expect(timeline({ userId: 'ann', asOf })).toEqual([]);
    expect(emptyTimelineMessage({ applicationId: 'app-audit', userId: 'ann', asOf })).toBe(
      'no events for user "ann" of application app-audit as of 2026-11-23T09:30:00.000Z',
    );
  });

  it('keeps applications apart (S17): the same user_id of another application is another user', () => {
    expect(timeline({ userId: 'ann', applicationId: 'app-other' })).toEqual([
      '2026-11-23T10:00:00.000Z  identity.user-authenticated  device dev-x, session s-other',
    ]);
    expect(timeline({ userId: 'nobody' })).toEqual([]);
  });

  it('never shows a secret in full, in lines or in JSON', () => {
    const selected = selectTimeline(events, { applicationId: 'app-audit', userId: 'ann' });
    const json = JSON.stringify(selected.map(redactedEnvelope));
    const lines = timeline({ userId: 'ann' }).join('\n');
    for (const output of [json, lines]) {
      expect(output).not.toContain('9f8e7d6c5b4a39281706f5e4d3c2b1a0');
      expect(output).not.toContain('c2FsdA$aGFzaA');
    }
    expect(json).toContain('"userId":"ann"');
  });
});
