import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** Where the cut falls: before the store reads the command, or after it ran it but before its answer. */
export type CutPoint = 'before-the-store' | 'before-the-answer';

/**
 * A TCP proxy between the driver and the store that drops one connection at a chosen command, as a
 * store killed mid-command would: the first client message holding `marker` (a stream id, say)
 * after `cutNext` ends its connection. Every other byte passes through untouched.
 */
export class CuttingProxy {
  private armed: { marker: Buffer; at: CutPoint; done: () => void } | undefined;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(target: { host: string; port: number }): Promise<CuttingProxy> {
    const server = createServer();
    const proxy = new CuttingProxy(server);
    server.on('connection', (client) => proxy.pipe(client, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Resolves once the cut has been made. */
  cutNext(marker: string, at: CutPoint): Promise<void> {
    return new Promise((done) => {
      this.armed = { marker: Buffer.from(marker), at, done };
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private pipe(client: Socket, target: { host: string; port: number }): void {
    const store = connect(target.port, target.host);
    this.sockets.add(client).add(store);
    let cutOnAnswer: (() => void) | undefined;
    const cut = (done: () => void) => {
      client.destroy();
      store.destroy();
      done();
    };
    client.on('data', (chunk: Buffer) => {
      const armed = this.armed;
      if (armed && chunk.includes(armed.marker)) {
        this.armed = undefined;
        if (armed.at === 'before-the-store') return cut(armed.done);
        cutOnAnswer = () => cut(armed.done);
      }
      store.write(chunk);
    });
    store.on('data', (chunk: Buffer) => {
      if (cutOnAnswer) return cutOnAnswer();
      client.write(chunk);
    });
    for (const socket of [client, store]) {
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        store.destroy();
      });
    }
  }
}
