import { generatedName, visitorIdentityKey } from '@threadline/generated-names';
import {
  decideVisitor,
  visitorDecider,
  type StartVisitor,
  type VisitorEvent,
} from './visitor.decider';

function aStartVisitor(overrides: Partial<StartVisitor> = {}): StartVisitor {
  return {
    applicationId: 'app-1',
    visitorId: 'visitor-1',
    deviceId: 'device-1',
    prefill: {},
    ...overrides,
  };
}

const given = (...events: VisitorEvent[]) =>
  events.reduce(visitorDecider.evolve, visitorDecider.initialState());

describe('anonymous visitor decider (S4)', () => {
  it('given a new device, when an init has no user_id, then a visitor starts with a generated name and the pre-chat form', () => {
    const { events, outcome } = decideVisitor(aStartVisitor(), given());
    const name = generatedName(visitorIdentityKey('app-1', 'visitor-1'));

    expect(events).toEqual([
      {
        type: 'VisitorStarted',
        visitorId: 'visitor-1',
        deviceId: 'device-1',
        generatedName: name,
        prefill: {},
      },
    ]);
    expect(name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+ \(anonym\)$/);
    expect(outcome).toEqual({
      kind: 'visitor',
      visitorId: 'visitor-1',
      displayName: name,
      preChatForm: { wanted: true, prefill: {} },
    });
  });

  it('given a name and email in the init, then the pre-chat form is prefilled with them', () => {
    const { events, outcome } = decideVisitor(
      aStartVisitor({ prefill: { name: 'Ann', email: 'ann@example.com' } }),
      given(),
    );

    expect(events).toMatchObject([{ prefill: { name: 'Ann', email: 'ann@example.com' } }]);
    expect(outcome.preChatForm).toEqual({
      wanted: true,
      prefill: { name: 'Ann', email: 'ann@example.com' },
    });
  });

  it('given a visitor on this device, when it inits again, then it keeps its identity and nothing is recorded', () => {
    const first = decideVisitor(aStartVisitor(), given());

    const again = decideVisitor(
      aStartVisitor({ visitorId: 'visitor-2', prefill: { name: 'Ann' } }),
      given(...first.events),
    );

    expect(again.events).toEqual([]);
    expect(again.outcome).toMatchObject({
      visitorId: 'visitor-1',
      displayName: first.outcome.displayName,
      preChatForm: { wanted: true, prefill: { name: 'Ann' } },
    });
  });
});
