import { appendFileSync, existsSync } from 'node:fs';
import { beginRunRecord, recordRunResource, takeRunResources } from './run-resources';

describe('the record of what a test run made', () => {
  it('given resources noted, some twice, when taken, then each comes once and the record is gone', () => {
    const env: NodeJS.ProcessEnv = {};
    const file = beginRunRecord(env);
    recordRunResource({ kind: 'topic-namespace', name: 't-1.' }, env);
    recordRunResource({ kind: 'database', name: 'contact_1' }, env);
    recordRunResource({ kind: 'topic-namespace', name: 't-1.' }, env);

    expect(takeRunResources(env)).toEqual([
      { kind: 'topic-namespace', name: 't-1.' },
      { kind: 'database', name: 'contact_1' },
    ]);
    expect(existsSync(file)).toBe(false);
  });

  it('given no record begun, when a resource is noted, then nothing is written and nothing taken', () => {
    const env: NodeJS.ProcessEnv = {};
    recordRunResource({ kind: 'database', name: 'contact_1' }, env);

    expect(takeRunResources(env)).toEqual([]);
  });

  it('given a torn or foreign line in the record, when taken, then it is skipped and the rest kept', () => {
    const env: NodeJS.ProcessEnv = {};
    const file = beginRunRecord(env);
    recordRunResource({ kind: 'database', name: 'a' }, env);
    appendFileSync(file, '{"kind":"datab\n{"kind":"queue","name":"q"}\n');
    recordRunResource({ kind: 'database', name: 'b' }, env);

    expect(takeRunResources(env).map((r) => r.name)).toEqual(['a', 'b']);
  });

  it('given a resource with no name, when noted, then it is refused', () => {
    const env: NodeJS.ProcessEnv = {};
    beginRunRecord(env);

    expect(() => recordRunResource({ kind: 'database', name: '' }, env)).toThrow();
    takeRunResources(env);
  });
});
