import { reconnectDelay } from './reconnect-delay';

describe('reconnectDelay', () => {
  it('grows exponentially from half to all of the ceiling', () => {
    expect(reconnectDelay(0, () => 0)).toBe(250);
    expect(reconnectDelay(0, () => 1)).toBe(500);
    expect(reconnectDelay(3, () => 0)).toBe(2000);
    expect(reconnectDelay(3, () => 1)).toBe(4000);
  });

  it('never waits longer than the cap', () => {
    expect(reconnectDelay(50, () => 1)).toBe(30_000);
  });
});
