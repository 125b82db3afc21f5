import type { OutboxRelay } from '@threadline/eventing';
import { throughput, timed, type Figure } from '../measure';

/** Drains a backlog of unpublished commits to Kafka: publish, then mark, pass after pass. */
export async function relayBacklog(relay: OutboxRelay, expectedEvents: number): Promise<Figure> {
  let events = 0;
  const { elapsedMs } = await timed(async () => {
    for (;;) {
      const pass = await relay.publishPending();
      events += pass.events;
      if (pass.fetched === 0) break;
    }
  });
  if (events < expectedEvents)
    throw new Error(`relay published ${events} of ${expectedEvents} events`);
  return throughput('outbox relay to Kafka', events, elapsedMs, 'events/s');
}
