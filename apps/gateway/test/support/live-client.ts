/* eslint-disable @typescript-eslint/no-explicit-any -- frames are checked by the tests */
import WebSocket from 'ws';

/** A test client of `/ws` that records every frame and how the socket closed. */
export class LiveClient {
  readonly frames: any[] = [];
  closed?: { code: number; reason: string };
  private readonly ws: WebSocket;
  private readonly opened: Promise<void>;

  constructor(gatewayUrl: string, headers: Record<string, string> = {}) {
    this.ws = new WebSocket(`${gatewayUrl.replace(/^http/, 'ws')}/ws`, { headers });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.ws.on('message', (data) => this.frames.push(JSON.parse(String(data))));
    this.ws.on('close', (code, reason) => (this.closed = { code, reason: String(reason) }));
  }

  async send(frame: unknown): Promise<void> {
    await this.opened;
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Authenticates and waits for `ready`. */
  async auth(token: string): Promise<void> {
    await this.send({ type: 'auth', token });
    await this.next((f) => f.type === 'ready');
  }

  async next(match: (frame: any) => boolean, timeoutMs = 15_000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find(match);
      if (found) return found;
      if (this.closed || Date.now() > deadline) {
        throw new Error(
          `no matching frame (closed: ${JSON.stringify(this.closed)}; frames: ${JSON.stringify(this.frames)})`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  messages(): any[] {
    return this.frames.filter((f) => f.type === 'message').map((f) => f.message);
  }

  async waitClosed(timeoutMs = 15_000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('the socket stayed open');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return this.closed;
  }

  close(): void {
    this.ws.close();
  }
}
