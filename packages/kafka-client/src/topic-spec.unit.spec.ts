import { configsToAlter } from './topic-spec';

describe('configsToAlter', () => {
  const entry = (name: string, value: string | null, setOnTopic = false) => ({
    name,
    value,
    setOnTopic,
  });

  it('leaves a topic that already matches', () => {
    expect(
      configsToAlter({ 'retention.ms': '-1' }, [entry('retention.ms', '-1', true)]),
    ).toBeUndefined();
    expect(configsToAlter({}, [entry('retention.ms', '604800000')])).toBeUndefined();
  });

  it('sets a drifted config and keeps the other topic-level ones, since AlterConfigs replaces them all', () => {
    const current = [
      entry('retention.ms', '604800000'),
      entry('segment.bytes', '1048576', true),
      entry('cleanup.policy', 'delete'),
    ];
    expect(configsToAlter({ 'retention.ms': '-1' }, current)).toEqual({
      'segment.bytes': '1048576',
      'retention.ms': '-1',
    });
  });

  it('treats a config the broker does not report as drifted', () => {
    expect(configsToAlter({ 'retention.ms': '-1' }, [])).toEqual({ 'retention.ms': '-1' });
  });
});
