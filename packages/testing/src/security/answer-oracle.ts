import type { Answer } from './http-client';

/**
 * What every refusal must look like (S18): a 4xx, never a 5xx, with a JSON body that has a stable
 * `error` code and a `message` naming the field or the problem. Returns the problems found.
 */
export function refusalProblems(answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`answered ${answer.status}`);
  if (answer.status === 0) problems.push('closed the connection without an answer');
  if (answer.status < 400) return problems;
  const body = answer.json;
  if (!body)
    return [...problems, `a ${answer.status} without a JSON body: ${answer.text.slice(0, 200)}`];
  if (body.statusCode !== answer.status)
    problems.push(`statusCode ${String(body.statusCode)} in a ${answer.status}`);
  if (typeof body.error !== 'string' || body.error.length === 0) problems.push('no error code');
  if (typeof body.message !== 'string' || body.message.length === 0) problems.push('no message');
  if (body.error === 'VALIDATION_FAILED') {
    if (typeof body.field !== 'string') problems.push('a validation failure without its field');
    else if (!String(body.message).includes(`${body.field}: `))
      problems.push('a message that does not name its field');
  }
  return problems;
}

/** Status histogram of one entry point's run, for the summary line and RELIABILITY.md. */
export class Tally {
  readonly byKind = new Map<string, number>();
  readonly byStatus = new Map<number, number>();
  tried = 0;
  slowestMs = 0;

  count(kind: string, answer: Answer): void {
    this.tried++;
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
    this.byStatus.set(answer.status, (this.byStatus.get(answer.status) ?? 0) + 1);
    this.slowestMs = Math.max(this.slowestMs, answer.ms);
  }

  summary(name: string): string {
    const statuses = [...this.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    const serverErrors = [...this.byStatus]
      .filter(([s]) => s >= 500)
      .reduce((n, [, c]) => n + c, 0);
    return `${name}: ${this.tried} inputs, 5xx ${serverErrors}, slowest ${this.slowestMs} ms, statuses ${statuses.join(' ')}`;
  }
}
