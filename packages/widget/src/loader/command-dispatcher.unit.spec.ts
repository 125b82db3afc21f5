import { createDispatcher, type WidgetCommands } from './command-dispatcher';
import { WidgetEvents } from './widget-events';

function recordingCommands(log: string[], initDelayMs = 20): WidgetCommands {
  const noop = (name: string) => () => void log.push(name);
  return {
    init: () =>
      new Promise<void>((resolve) => setTimeout(() => (log.push('init'), resolve()), initDelayMs)),
    userAuth: async () => void log.push('userAuth'),
    updateUser: async () => {
      throw new Error('call init first');
    },
    updateUserData: async () => void log.push('updateUserData'),
    logOut: async () => void log.push('logOut'),
    showChatWidget: noop('showChatWidget'),
    hideChatWidget: noop('hideChatWidget'),
    openChat: noop('openChat'),
    closeChat: noop('closeChat'),
    sendUserMessage: async (text) => void log.push(`send:${String(text)}`),
    typeUserMessage: noop('typeUserMessage'),
  };
}

describe('createDispatcher', () => {
  let errors: jest.SpyInstance;
  beforeEach(() => (errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)));
  afterEach(() => errors.mockRestore());

  it('runs commands one after another in call order, waiting for init', async () => {
    const log: string[] = [];
    const dispatch = createDispatcher(recordingCommands(log), new WidgetEvents());
    void dispatch(['init', 'acme.example', {}]);
    void dispatch(['openChat']);
    await dispatch(['sendUserMessage', 'hello']);
    expect(log).toEqual(['init', 'openChat', 'send:hello']);
  });

  it('registers callbacks at once, ahead of queued commands', async () => {
    const log: string[] = [];
    const events = new WidgetEvents();
    const dispatch = createDispatcher(recordingCommands(log), events);
    const pending = dispatch(['init', 'acme.example', {}]);
    void dispatch(['onReady', () => log.push('ready callback')]);
    events.emit('onReady');
    await pending;
    expect(log).toEqual(['ready callback', 'init']);
  });

  it("accepts HelpCrunch's own spelling logout", async () => {
    const log: string[] = [];
    await createDispatcher(recordingCommands(log), new WidgetEvents())(['logout']);
    expect(log).toEqual(['logOut']);
  });

  it('reports a failed command to onError and the console, and goes on with the next', async () => {
    const log: string[] = [];
    const events = new WidgetEvents();
    const failures: unknown[] = [];
    events.on('onError', (e) => failures.push(e));
    const dispatch = createDispatcher(recordingCommands(log), events);
    void dispatch(['updateUser', { name: 'Ann' }]);
    await dispatch(['openChat']);
    expect(failures).toEqual([{ command: 'updateUser', message: 'call init first' }]);
    expect(errors).toHaveBeenCalledWith('Threadline widget: updateUser failed: call init first');
    expect(log).toEqual(['openChat']);
  });

  it('names an unknown command in the console and runs nothing', async () => {
    const log: string[] = [];
    await createDispatcher(recordingCommands(log), new WidgetEvents())(['explode']);
    expect(errors).toHaveBeenCalledWith('Threadline widget: unknown command HelpCrunch("explode")');
    expect(log).toEqual([]);
  });
});
