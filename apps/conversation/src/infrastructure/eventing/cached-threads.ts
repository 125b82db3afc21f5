import { CachedAggregates, type AggregateRepository } from '@threadline/eventing';
import type { ThreadRepository } from '../../application/ports/thread-repository.port';
import {
  ThreadError,
  threadDecider,
  type ThreadCommand,
  type ThreadEvent,
  type ThreadState,
} from '../../domain';

/**
 * Thread streams decided on the state this process last saw (`CachedAggregates`): a send costs no
 * stream read. The domain's `ThreadError`s are the refusals checked again on fresh state.
 */
export function cachedThreads(
  streams: AggregateRepository<ThreadState, ThreadCommand, ThreadEvent>,
  options: { maxThreads: number; attempts: number },
): ThreadRepository {
  return new CachedAggregates(streams, threadDecider, {
    maxStreams: options.maxThreads,
    attempts: options.attempts,
    isRefusal: (error) => error instanceof ThreadError,
  });
}
