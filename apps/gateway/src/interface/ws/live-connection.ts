import { randomUUID } from 'node:crypto';
import type { ServerFrame } from '@threadline/contracts';
import type { WebSocket } from 'ws';
import type { LiveSocket } from '../../application/live/live-hub.service';
import { SocketDelivery } from '../../application/live/socket-delivery';
import type { SocketIdentity } from '../../application/live/socket-registry';

/** One authenticated WebSocket, as the live hub addresses it. */
export class LiveConnection implements LiveSocket {
  readonly id = randomUUID();
  readonly delivery: SocketDelivery;

  constructor(
    private readonly ws: WebSocket,
    readonly identity: SocketIdentity,
  ) {
    this.delivery = new SocketDelivery((frame) => this.send(frame));
  }

  send(frame: ServerFrame): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(frame));
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }
}
