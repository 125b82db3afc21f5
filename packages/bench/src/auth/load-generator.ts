import autocannon from 'autocannon';
import { serveForkedLoad } from '../forked-load';

/** What the bench asks the load-generating child process to do. */
export interface LoadRequest {
  url: string;
  path: string;
  /** JSON bodies, sent in turn: one per simulated returning user. */
  bodies: string[];
  durationSeconds: number;
  connections: number;
}

/** What the child answers: autocannon's figures, and how many answers were not 2xx. */
export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  p50Ms: number;
  total: number;
  non2xx: number;
  errors: number;
}

/**
 * Runs in a child process (`fork`), so the load generator does not share an event loop or a CPU
 * with the server it measures: receives a {@link LoadRequest}, sends back a {@link LoadResult}.
 */
async function generate(request: LoadRequest): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: request.url,
    connections: request.connections,
    duration: request.durationSeconds,
    requests: [
      {
        method: 'POST',
        path: request.path,
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          const body = request.bodies[next++ % request.bodies.length];
          return { ...req, body };
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    p50Ms: result.latency.p50,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

if (require.main === module) serveForkedLoad(generate);
