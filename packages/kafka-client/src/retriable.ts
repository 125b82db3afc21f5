/**
 * kafkajs does not retry an offset fetch that reaches a broker while the group's coordinator moves
 * or loads (NOT_COORDINATOR, COORDINATOR_LOAD_IN_PROGRESS: retriable by the protocol), as happens
 * on a broker that just started: a few tries with backoff ride it out.
 */
export async function retryingRetriable<T>(
  work: () => Promise<T>,
  attempts = 6,
  backoffMs = 100,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if ((error as { retriable?: unknown }).retriable !== true || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** (attempt - 1)));
    }
  }
}
