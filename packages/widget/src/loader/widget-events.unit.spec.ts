import { WidgetEvents } from './widget-events';

describe('WidgetEvents', () => {
  it('calls an onReady registered after the widget became ready at once', () => {
    const events = new WidgetEvents();
    events.emit('onReady', { mode: 'user' });
    const seen: unknown[] = [];
    events.on('onReady', (p) => seen.push(p));
    expect(seen).toEqual([{ mode: 'user' }]);
  });

  it('does not replay other events, nor onReady after a reset', () => {
    const events = new WidgetEvents();
    events.emit('onAgentMessage', { text: 'hi' });
    events.emit('onReady');
    events.resetReady();
    const seen: unknown[] = [];
    events.on('onAgentMessage', (p) => seen.push(p));
    events.on('onReady', (p) => seen.push(p));
    expect(seen).toEqual([]);
  });

  it("keeps going when a host page's callback throws", () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const events = new WidgetEvents();
    const seen: string[] = [];
    events.on('onChatOpen', () => {
      throw new Error('host bug');
    });
    events.on('onChatOpen', () => seen.push('second'));
    events.emit('onChatOpen');
    expect(seen).toEqual(['second']);
    errors.mockRestore();
  });
});
