import {
  deadLetterTopic,
  eventsTopic,
  platformTopics,
  platformTopicSpecs,
  setTopicNamespace,
} from './topics';

describe('platform topics', () => {
  afterEach(() => setTopicNamespace(''));

  it('given no namespace, then the topics are the production names', () => {
    expect(platformTopics()).toEqual([
      'identity.events',
      'identity.events.dlt',
      'contact.events',
      'contact.events.dlt',
      'conversation.events',
      'conversation.events.dlt',
    ]);
  });

  it('given a test namespace, then every topic carries it', () => {
    setTopicNamespace('test-1a2b.');

    expect(eventsTopic('contact')).toBe('test-1a2b.contact.events');
    expect(deadLetterTopic('contact')).toBe('test-1a2b.contact.events.dlt');
    expect(platformTopicSpecs()).toContainEqual({
      topic: 'test-1a2b.identity.events',
      partitions: 3,
      replicationFactor: 1,
      configs: { 'retention.ms': '-1' },
    });
  });

  it('given a namespace that is not a lower-case word and a dot, then it is refused', () => {
    expect(() => setTopicNamespace('Test')).toThrow('must look like');
    expect(() => setTopicNamespace('a.b.')).toThrow('must look like');
  });
});
