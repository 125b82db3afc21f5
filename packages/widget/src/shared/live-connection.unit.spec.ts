import {
  LiveConnection,
  liveUrlOf,
  parseServerFrame,
  type LiveStatus,
  type SocketLike,
} from './live-connection';

class ScriptedSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  closed = false;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const message = (cursor: string) => ({
  type: 'message',
  applicationId: 'app',
  contactId: 'contact',
  message: {
    messageId: `m${cursor}`,
    clientMessageId: `c${cursor}`,
    author: { kind: 'agent', agentId: 'a' },
    text: 'hi',
    sentAt: '2026-01-01T00:00:00.000Z',
    cursor,
  },
});

describe('LiveConnection', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function connect() {
    const sockets: ScriptedSocket[] = [];
    const statuses: LiveStatus[] = [];
    const received: string[] = [];
    let after: string | undefined;
    const live = new LiveConnection({
      url: 'ws://gateway/ws',
      token: 'tok',
      resumeFrame: () => ({ type: 'resume', after }),
      onMessage: (frame) => {
        received.push(frame.message.cursor);
        after = frame.message.cursor;
      },
      onStatus: (status) => statuses.push(status),
      createSocket: () => {
        const socket = new ScriptedSocket();
        sockets.push(socket);
        return socket;
      },
      random: () => 1,
    });
    live.start();
    return { live, sockets, statuses, received };
  }

  it('authenticates first, then resumes once the gateway is ready', () => {
    const { sockets, statuses } = connect();
    sockets[0]!.open();
    expect(sockets[0]!.sent).toEqual([{ type: 'auth', token: 'tok' }]);
    sockets[0]!.receive({ type: 'ready', role: 'widget' });
    expect(sockets[0]!.sent[1]).toEqual({ type: 'resume' });
    expect(statuses).toEqual(['connecting', 'live']);
  });

  it('reconnects after a drop and resumes after the last message it saw', () => {
    const { sockets, received, statuses } = connect();
    sockets[0]!.open();
    sockets[0]!.receive({ type: 'ready', role: 'widget' });
    sockets[0]!.receive(message('7'));
    sockets[0]!.drop();
    expect(statuses.at(-1)).toBe('offline');
    jest.advanceTimersByTime(500);
    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    sockets[1]!.receive({ type: 'ready', role: 'widget' });
    expect(sockets[1]!.sent).toEqual([
      { type: 'auth', token: 'tok' },
      { type: 'resume', after: '7' },
    ]);
    expect(received).toEqual(['7']);
  });

  it('given a resume the gateway could not serve, when it says RESUME_FAILED, then it resumes again after a backoff', () => {
    const { sockets } = connect();
    sockets[0]!.open();
    sockets[0]!.receive({ type: 'ready', role: 'widget' });
    sockets[0]!.receive(message('3'));
    sockets[0]!.receive({ type: 'error', code: 'RESUME_FAILED', message: 'resume again later' });
    expect(sockets[0]!.sent).toHaveLength(2);
    jest.advanceTimersByTime(500);
    expect(sockets[0]!.sent.at(-1)).toEqual({ type: 'resume', after: '3' });
    expect(sockets).toHaveLength(1);
  });

  it('stops for good when the gateway refuses the token', () => {
    const { sockets, statuses } = connect();
    sockets[0]!.open();
    sockets[0]!.receive({ type: 'error', code: 'UNAUTHORIZED', message: 'bad token' });
    sockets[0]!.drop(4401);
    jest.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe('refused');
  });

  it('tries again later when the gateway cannot check the token now', () => {
    const { sockets } = connect();
    sockets[0]!.open();
    sockets[0]!.receive({ type: 'error', code: 'UNAVAILABLE', message: 'reconnect later' });
    sockets[0]!.drop(1013);
    jest.advanceTimersByTime(500);
    expect(sockets).toHaveLength(2);
  });

  it('does not reconnect after a 4xxx close nor after stop()', () => {
    const first = connect();
    first.sockets[0]!.open();
    first.sockets[0]!.drop(4401);
    const second = connect();
    second.live.stop();
    jest.advanceTimersByTime(60_000);
    expect(first.sockets).toHaveLength(1);
    expect(second.sockets).toHaveLength(1);
    expect(second.sockets[0]!.closed).toBe(true);
  });

  it('pings while connected', () => {
    const { sockets } = connect();
    sockets[0]!.open();
    sockets[0]!.receive({ type: 'ready', role: 'widget' });
    jest.advanceTimersByTime(25_000);
    expect(sockets[0]!.sent.at(-1)).toEqual({ type: 'ping' });
  });
});

describe('parseServerFrame', () => {
  it('drops frames that are not JSON or lack what the client reads', () => {
    expect(parseServerFrame('nope')).toBeUndefined();
    expect(
      parseServerFrame(JSON.stringify({ type: 'message', contactId: 'c', message: { text: 1 } })),
    ).toBeUndefined();
    expect(parseServerFrame(JSON.stringify({ type: 'surprise' }))).toBeUndefined();
    expect(parseServerFrame(JSON.stringify(message('1')))).toMatchObject({ type: 'message' });
  });
});

describe('liveUrlOf', () => {
  it('maps http to ws and https to wss', () => {
    expect(liveUrlOf('http://127.0.0.1:3000')).toBe('ws://127.0.0.1:3000/ws');
    expect(liveUrlOf('https://chat.acme.example')).toBe('wss://chat.acme.example/ws');
  });
});
