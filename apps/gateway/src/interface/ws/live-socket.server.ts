import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ClientFrame, ServerFrame } from '@threadline/contracts';
import { WebSocketServer, type WebSocket } from 'ws';
import { AgentSessions } from '../../application/auth/agent-sessions.service';
import { tokenKindOf } from '../../application/auth/token-kind';
import { WidgetSessions } from '../../application/auth/widget-sessions.service';
import { LiveHub, type ResumeRequest } from '../../application/live/live-hub.service';
import type { SocketIdentity } from '../../application/live/socket-registry';
import { ApplicationDirectory } from '../../application/tenancy/application-directory.service';
import { GATEWAY_CONFIG } from '../../infrastructure/config/gateway-config.token';
import type { GatewayConfig } from '../../infrastructure/config/gateway.config';
import { UpstreamRefusal } from '../../infrastructure/upstream/upstream.errors';
import { originAllowed } from '../http/origin-policy';
import { parseClientFrame } from './client-frame.parser';
import { FrameBudget } from './frame-budget';
import { LiveConnection } from './live-connection';

/** Close codes in the private range: the client learns why without a frame to parse. */
const CLOSE = {
  unauthorized: 4401,
  forbidden: 4403,
  authTimeout: 4408,
  policy: 1008,
  tryAgain: 1013,
  goingAway: 1001,
} as const;

interface SocketState {
  ws: WebSocket;
  request: IncomingMessage;
  alive: boolean;
  budget: FrameBudget;
  authTimer?: NodeJS.Timeout;
  authenticating: boolean;
  connection?: LiveConnection;
  /** The authentication and the resumes of one socket run one after another. */
  queue: Promise<void>;
  /** A widget's live frames wait for its first resume (or this timer): see `holdUntilResumed`. */
  resumeHold?: NodeJS.Timeout;
}

/** How long a widget's live frames wait for its first resume before they flow anyway. */
const FIRST_RESUME_WAIT_MS = 3_000;

/**
 * `/ws` on the gateway's own HTTP server: the first frame authenticates (widget or agent token,
 * within the auth timeout), then the socket gets live messages and may resume threads. Bad frames
 * get an error frame and the socket stays; oversized frames close it with 1009; sockets that stop
 * answering pings are dropped.
 */
@Injectable()
export class LiveSocketServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LiveSocketServer');
  private wss?: WebSocketServer;
  private server?: Server;
  private heartbeat?: NodeJS.Timeout;
  private readonly states = new Set<SocketState>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly hub: LiveHub,
    private readonly widgets: WidgetSessions,
    private readonly agents: AgentSessions,
    private readonly directory: ApplicationDirectory,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: this.config.GATEWAY_WS_MAX_FRAME_BYTES,
    });
    this.server.on('upgrade', this.onUpgrade);
    this.widgets.onEnded((sessionId) => this.hub.closeSession(sessionId));
    this.heartbeat = setInterval(() => this.beat(), this.config.GATEWAY_WS_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.heartbeat);
    this.server?.off('upgrade', this.onUpgrade);
    for (const state of this.states) state.ws.close(CLOSE.goingAway, 'gateway shutting down');
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
  }

  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = new URL(request.url ?? '/', 'http://gateway').pathname;
    if (path !== '/ws' || !this.wss) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws, request));
  };

  private onConnection(ws: WebSocket, request: IncomingMessage): void {
    const state: SocketState = {
      ws,
      request,
      alive: true,
      budget: new FrameBudget(this.config.GATEWAY_WS_FRAMES_PER_10S),
      authenticating: false,
      queue: Promise.resolve(),
    };
    this.states.add(state);
    state.authTimer = setTimeout(() => {
      if (!state.connection) ws.close(CLOSE.authTimeout, 'no auth frame in time');
    }, this.config.GATEWAY_WS_AUTH_TIMEOUT_MS);
    ws.on('pong', () => (state.alive = true));
    ws.on('message', (data, isBinary) => this.onFrame(state, data as Buffer, isBinary));
    ws.on('error', (error) => this.logger.debug({ err: error }, 'socket error'));
    ws.on('close', () => {
      clearTimeout(state.authTimer);
      clearTimeout(state.resumeHold);
      this.states.delete(state);
      if (state.connection) this.hub.sockets.remove(state.connection);
    });
  }

  private onFrame(state: SocketState, data: Buffer, isBinary: boolean): void {
    if (!state.budget.take()) {
      state.ws.close(CLOSE.policy, 'too many frames');
      return;
    }
    const parsed = parseClientFrame(data, isBinary);
    if (!parsed.ok) {
      this.error(state, 'BAD_FRAME', parsed.message);
      return;
    }
    const frame = parsed.frame;
    switch (frame.type) {
      case 'ping':
        this.send(state, { type: 'pong' });
        return;
      case 'auth':
        if (state.connection || state.authenticating) {
          this.error(state, 'ALREADY_AUTHENTICATED', 'this socket has authenticated already');
          return;
        }
        state.authenticating = true;
        state.queue = state.queue.then(() => this.authenticate(state, frame.token));
        return;
      case 'resume':
        if (!state.connection && !state.authenticating) {
          this.error(state, 'AUTH_REQUIRED', 'the first frame must be { type: "auth", token }');
          return;
        }
        // A resume sent right behind its auth frame waits for the authentication.
        state.queue = state.queue.then(() =>
          state.connection ? this.resume(state, state.connection, frame) : undefined,
        );
        return;
      default: {
        const never: never = frame;
        return never;
      }
    }
  }

  private async authenticate(state: SocketState, token: string): Promise<void> {
    try {
      await this.checkAuthentication(state, token);
    } finally {
      state.authenticating = false;
    }
  }

  private async checkAuthentication(state: SocketState, token: string): Promise<void> {
    let identity: SocketIdentity | undefined;
    let applicationId: string | undefined;
    try {
      const kind = tokenKindOf(token);
      if (kind === 'widget') {
        const principal = await this.widgets.verify(token);
        if (principal) {
          applicationId = principal.applicationId;
          identity = {
            role: 'widget',
            applicationId: principal.applicationId,
            contactId: principal.contactId,
            sessionId: principal.sessionId,
            deviceId: principal.deviceId,
          };
        }
      } else if (kind === 'agent') {
        const principal = await this.agents.verify(token);
        if (principal) {
          identity = {
            role: 'agent',
            organizationDomain: principal.organizationDomain,
            agentId: principal.agentId,
          };
        }
      }
      if (identity && applicationId !== undefined) {
        const app = await this.directory.find(applicationId);
        const origin = state.request.headers.origin;
        if (!app || !originAllowed(origin, app.allowedOrigins, state.request.headers.host)) {
          this.error(state, 'ORIGIN_NOT_ALLOWED', `origin ${origin} may not use this application`);
          state.ws.close(CLOSE.forbidden, 'origin not allowed');
          return;
        }
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'socket authentication could not be checked');
      this.error(state, 'UNAVAILABLE', 'authentication is unavailable; reconnect later');
      state.ws.close(CLOSE.tryAgain, 'try again later');
      return;
    }
    if (!identity) {
      this.error(
        state,
        'UNAUTHORIZED',
        'the token is not valid: malformed, forged, expired or ended',
      );
      state.ws.close(CLOSE.unauthorized, 'unauthorized');
      return;
    }
    if (state.ws.readyState !== state.ws.OPEN) return;
    clearTimeout(state.authTimer);
    const connection = new LiveConnection(state.ws, identity);
    state.connection = connection;
    this.holdUntilResumed(state, connection);
    this.hub.sockets.add(connection);
    this.send(state, { type: 'ready', role: identity.role });
  }

  /**
   * A widget resumes right after `ready`. A live frame sent before that resume's older messages
   * would make the device's newest cursor jump ahead of them, and a drop at that moment would
   * resume past what it never got. So its thread's live frames wait, as during any catch-up, until
   * the first resume has caught it up (or a widget that never resumes has waited long enough).
   */
  private holdUntilResumed(state: SocketState, connection: LiveConnection): void {
    const { identity } = connection;
    if (identity.role !== 'widget') return;
    connection.delivery.beginCatchUp(identity.applicationId, identity.contactId);
    state.resumeHold = setTimeout(() => this.releaseHold(state, connection), FIRST_RESUME_WAIT_MS);
    state.resumeHold.unref();
  }

  private releaseHold(state: SocketState, connection: LiveConnection): void {
    if (state.resumeHold === undefined || connection.identity.role !== 'widget') return;
    clearTimeout(state.resumeHold);
    state.resumeHold = undefined;
    connection.delivery.endCatchUp(
      connection.identity.applicationId,
      connection.identity.contactId,
    );
  }

  private async resume(
    state: SocketState,
    connection: LiveConnection,
    frame: Extract<ClientFrame, { type: 'resume' }>,
  ): Promise<void> {
    const target = await this.resumeTarget(state, connection, frame);
    if (!target) return;
    try {
      await this.hub.resume(connection, target);
      this.releaseHold(state, connection);
    } catch (error) {
      const refused = error instanceof UpstreamRefusal;
      if (!refused) this.logger.warn({ err: error }, 'resume failed');
      this.error(
        state,
        refused ? error.body.error : 'RESUME_FAILED',
        refused ? error.body.message : 'catching up failed; resume again later',
      );
    }
  }

  /** Widgets resume their own thread; agents name one of their organization's (S17). */
  private async resumeTarget(
    state: SocketState,
    connection: LiveConnection,
    frame: Extract<ClientFrame, { type: 'resume' }>,
  ): Promise<ResumeRequest | undefined> {
    const { identity } = connection;
    if (identity.role === 'widget') {
      if (
        (frame.applicationId !== undefined && frame.applicationId !== identity.applicationId) ||
        (frame.contactId !== undefined && frame.contactId !== identity.contactId)
      ) {
        this.error(state, 'NOT_FOUND', 'a widget resumes its own thread only');
        return undefined;
      }
      return {
        applicationId: identity.applicationId,
        contactId: identity.contactId,
        ...(frame.after !== undefined && { after: frame.after }),
      };
    }
    if (frame.applicationId === undefined || frame.contactId === undefined) {
      this.error(state, 'BAD_FRAME', 'applicationId and contactId: required for an agent resume');
      return undefined;
    }
    let app;
    try {
      app = await this.directory.findInOrganization(
        frame.applicationId,
        identity.organizationDomain,
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'application lookup failed');
      this.error(state, 'RESUME_FAILED', 'catching up failed; resume again later');
      return undefined;
    }
    if (!app) {
      this.error(state, 'NOT_FOUND', `application ${frame.applicationId} not found`);
      return undefined;
    }
    return {
      applicationId: frame.applicationId,
      contactId: frame.contactId,
      ...(frame.after !== undefined && { after: frame.after }),
    };
  }

  private beat(): void {
    for (const state of this.states) {
      if (!state.alive) {
        state.ws.terminate();
        continue;
      }
      state.alive = false;
      state.ws.ping();
    }
  }

  private send(state: SocketState, frame: ServerFrame): void {
    if (state.ws.readyState === state.ws.OPEN) state.ws.send(JSON.stringify(frame));
  }

  private error(state: SocketState, code: string, message: string): void {
    this.send(state, { type: 'error', code, message });
  }
}
