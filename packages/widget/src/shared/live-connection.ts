import type { ClientFrame, ServerFrame } from './gateway-types';
import { reconnectDelay } from './reconnect-delay';

export type MessageFrame = Extract<ServerFrame, { type: 'message' }>;
export type LiveStatus = 'connecting' | 'live' | 'offline' | 'refused';

/** The part of the browser's WebSocket this uses, so specs can drive it. */
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface LiveConnectionOptions {
  /** `ws(s)://<gateway>/ws`. */
  url: string;
  token: string;
  /** The resume frame to send once authenticated, asked anew on every (re)connect. */
  resumeFrame(): Extract<ClientFrame, { type: 'resume' }>;
  onMessage(frame: MessageFrame): void;
  onStatus?(status: LiveStatus, detail?: string): void;
  createSocket?(url: string): SocketLike;
  random?(): number;
  pingEveryMs?: number;
}

const OPEN = 1;

/** Parses a server frame, keeping only the shapes this client acts on. */
export function parseServerFrame(data: unknown): ServerFrame | undefined {
  if (typeof data !== 'string') return undefined;
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof frame !== 'object' || frame === null) return undefined;
  const f = frame as Record<string, unknown>;
  switch (f.type) {
    case 'ready':
    case 'pong':
      return f as ServerFrame;
    case 'error':
      return typeof f.message === 'string' ? (f as ServerFrame) : undefined;
    case 'message': {
      const m = f.message as Record<string, unknown> | undefined;
      const valid =
        typeof f.contactId === 'string' &&
        typeof m === 'object' &&
        m !== null &&
        typeof m.messageId === 'string' &&
        typeof m.cursor === 'string' &&
        typeof m.text === 'string' &&
        typeof m.clientMessageId === 'string' &&
        typeof m.author === 'object';
      return valid ? (f as ServerFrame) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * One live `/ws` subscription: authenticates, resumes after the last message the view holds,
 * reconnects with backoff when the connection drops or the gateway asks to try again later, and
 * stops for good when the gateway refuses (a 4xxx close: bad or ended token, origin not allowed).
 */
export class LiveConnection {
  private socket?: SocketLike;
  private attempt = 0;
  private stopped = false;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private resumeTimer?: ReturnType<typeof setTimeout>;
  private resumeAttempt = 0;
  private pingTimer?: ReturnType<typeof setInterval>;

  constructor(private readonly options: LiveConnectionOptions) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.resumeTimer);
    clearInterval(this.pingTimer);
    const socket = this.socket;
    this.socket = undefined;
    if (socket) {
      socket.onclose = null;
      socket.close(1000, 'done');
    }
  }

  private connect(): void {
    if (this.stopped) return;
    this.options.onStatus?.('connecting');
    const socket = this.options.createSocket
      ? this.options.createSocket(this.options.url)
      : (new WebSocket(this.options.url) as unknown as SocketLike);
    this.socket = socket;
    let lastError: string | undefined;
    socket.onopen = () => this.send({ type: 'auth', token: this.options.token });
    socket.onmessage = (event) => {
      const frame = parseServerFrame(event.data);
      if (!frame) return;
      if (frame.type === 'ready') {
        this.attempt = 0;
        this.resumeAttempt = 0;
        this.send(this.options.resumeFrame());
        this.startPings();
        this.options.onStatus?.('live');
      } else if (frame.type === 'message') {
        this.options.onMessage(frame);
      } else if (frame.type === 'error') {
        lastError = frame.message;
        // The gateway could not catch this socket up (the API was down): ask again, from the
        // view's newest message then, until it can; live frames meanwhile still arrive.
        if ((frame as { code?: unknown }).code === 'RESUME_FAILED') {
          clearTimeout(this.resumeTimer);
          this.resumeTimer = setTimeout(
            () => {
              if (this.socket === socket && socket.readyState === OPEN)
                this.send(this.options.resumeFrame());
            },
            reconnectDelay(this.resumeAttempt++, this.options.random),
          );
        }
      }
    };
    socket.onerror = () => undefined;
    socket.onclose = (event) => {
      clearInterval(this.pingTimer);
      clearTimeout(this.resumeTimer);
      if (this.stopped) return;
      if (event.code >= 4000 && event.code < 5000)
        return this.refuse(lastError ?? `closed with ${event.code}`);
      this.options.onStatus?.('offline');
      this.retryTimer = setTimeout(
        () => this.connect(),
        reconnectDelay(this.attempt++, this.options.random),
      );
    };
  }

  private refuse(detail: string): void {
    this.stop();
    this.options.onStatus?.('refused', detail);
  }

  private startPings(): void {
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(
      () => this.send({ type: 'ping' }),
      this.options.pingEveryMs ?? 25_000,
    );
  }

  private send(frame: ClientFrame): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(frame));
  }
}

/** `http://host:3000` → `ws://host:3000/ws`. */
export function liveUrlOf(gatewayOrigin: string): string {
  const url = new URL('/ws', gatewayOrigin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
