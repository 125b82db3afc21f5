import { platformTopics, topicNamespace } from '@threadline/contracts';
import { platformTopicsUnder } from './namespaced-topics';

describe('platformTopicsUnder', () => {
  it('given a process outside the namespace, names the namespaced topics and leaves its own', () => {
    const own = topicNamespace();
    const named = platformTopicsUnder('bench-gw-run1.');
    expect(named).toHaveLength(platformTopics().length);
    expect(named.every((topic) => topic.startsWith('bench-gw-run1.'))).toBe(true);
    expect(named).not.toEqual(expect.arrayContaining(platformTopics()));
    expect(topicNamespace()).toBe(own);
  });
});
