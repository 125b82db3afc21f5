import { randomBytes } from 'node:crypto';
import type { ThreadMessage } from '@threadline/contracts';
import WebSocket from 'ws';
import { reconnectDelay } from '../../src/reconnect-delay';
import { call, callUntilAnswered, SITE_ORIGIN } from './gateway-api';
import type { Tenant } from './tenant';

/**
 * One browser of a user, as the widget behaves: init through the gateway (its own device token),
 * one `/ws` that authenticates and resumes after the last cursor it holds, reconnecting with
 * backoff whenever the socket drops. It records every `message` frame it gets, to be audited.
 */
export class WidgetDevice {
  sessionToken = '';
  contactId = '';
  /** Ids of every message frame, in arrival order, over all sockets. */
  readonly received: string[] = [];
  /** Sockets opened after the first, and resumes the gateway could not serve (then asked again). */
  reconnects = 0;
  resumeFailures = 0;
  /** Closes with a 4xxx code: the gateway refused the device, which the widget does not retry. */
  readonly refusals: string[] = [];
  private lastCursor?: string;
  private socket?: WebSocket;
  private stopped = false;
  private attempt = 0;
  private connections = 0;
  private onFirstReady?: () => void;

  constructor(
    readonly name: string,
    private readonly gatewayUrl: string,
    private readonly tenant: Tenant,
    private readonly userId: string,
  ) {}

  async init(): Promise<void> {
    const answer = await callUntilAnswered(
      () =>
        call(`${this.gatewayUrl}/api/widget/init`, {
          body: {
            organizationDomain: this.tenant.organizationDomain,
            applicationId: this.tenant.applicationId,
            applicationSecret: this.tenant.applicationSecret,
            deviceToken: `dev-${randomBytes(12).toString('hex')}`,
            user: { user_id: this.userId, name: `User ${this.userId}` },
          },
          origin: SITE_ORIGIN,
        }),
      60_000,
    );
    if (answer.status !== 200)
      throw new Error(`init of ${this.name}: ${answer.status} ${JSON.stringify(answer.body)}`);
    const session = answer.body as { sessionToken: string; contactId: string };
    this.sessionToken = session.sessionToken;
    this.contactId = session.contactId;
  }

  /** Opens the socket; resolves once the first `ready` came. */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no ready in 30 s`)), 30_000);
      this.onFirstReady = () => {
        clearTimeout(timer);
        resolve();
      };
      this.open();
    });
  }

  stop(): void {
    this.stopped = true;
    this.socket?.close(1000, 'done');
  }

  private open(): void {
    if (this.stopped) return;
    if (this.connections++ > 0) this.reconnects++;
    const ws = new WebSocket(`${this.gatewayUrl.replace(/^http/, 'ws')}/ws`, {
      headers: { origin: SITE_ORIGIN },
    });
    this.socket = ws;
    let resumedAfter: string | undefined;
    const resume = () => {
      resumedAfter = this.lastCursor;
      this.send(ws, { type: 'resume', ...(resumedAfter && { after: resumedAfter }) });
    };
    ws.on('open', () => this.send(ws, { type: 'auth', token: this.sessionToken }));
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as {
        type: string;
        code?: string;
        message?: ThreadMessage;
      };
      if (frame.type === 'ready') {
        this.attempt = 0;
        resume();
        this.onFirstReady?.();
        this.onFirstReady = undefined;
      } else if (frame.type === 'message' && frame.message) {
        this.received.push(frame.message.messageId);
        if (!this.lastCursor || frame.message.cursor > this.lastCursor)
          this.lastCursor = frame.message.cursor;
      } else if (frame.type === 'error' && frame.code === 'RESUME_FAILED') {
        // The gateway says "resume again later": ask for the same range again (the socket
        // dedupes what it already sent), or the messages before the live ones are never seen.
        this.resumeFailures++;
        const again = resumedAfter;
        setTimeout(() => {
          if (ws.readyState !== ws.OPEN) return;
          this.send(ws, { type: 'resume', ...(again && { after: again }) });
        }, 1_000);
      }
    });
    ws.on('error', () => undefined);
    ws.on('close', (code, reason) => {
      if (this.stopped || this.socket !== ws) return;
      if (code >= 4000 && code < 5000) {
        this.refusals.push(`${code} ${String(reason)}`);
        return;
      }
      setTimeout(() => this.open(), reconnectDelay(this.attempt++));
    });
  }

  private send(ws: WebSocket, frame: unknown): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  }
}
