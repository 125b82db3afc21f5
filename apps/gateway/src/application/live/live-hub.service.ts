import { Injectable, Logger } from '@nestjs/common';
import type { KnownEvent, ServerFrame } from '@threadline/contracts';
import { ConversationClient } from '../../infrastructure/upstream/conversation.client';
import { ApplicationDirectory } from '../tenancy/application-directory.service';
import { RecentMessages } from './recent-messages';
import { SocketDelivery, type MessageFrame } from './socket-delivery';
import { SocketRegistry, type RegisteredSocket } from './socket-registry';
import { threadMessagesOf } from './thread-message.mapper';

/** A live socket as the hub sees it; the WebSocket server implements it. */
export interface LiveSocket extends RegisteredSocket {
  readonly delivery: SocketDelivery;
  send(frame: ServerFrame): void;
  close(code: number, reason: string): void;
}

/** A resume asks for one thread from a cursor on; `after` absent: the latest page. */
export interface ResumeRequest {
  applicationId: string;
  contactId: string;
  after?: string;
}

const pageSize = 200;
const maxPages = 10_000;
const latestPageSize = 50;

/**
 * Live delivery on this process: every message of `conversation.events` goes to the open devices
 * of its contact and to the agents of its application's organization (S13), and a reconnecting
 * socket catches up from its last cursor before live messages flow again.
 */
@Injectable()
export class LiveHub {
  readonly sockets = new SocketRegistry<LiveSocket>();
  private readonly logger = new Logger('LiveHub');
  private readonly recent = new RecentMessages();

  constructor(
    private readonly directory: ApplicationDirectory,
    private readonly conversation: ConversationClient,
  ) {}

  async publish(event: KnownEvent): Promise<void> {
    const thread = threadMessagesOf(event);
    if (!thread) return;
    const { applicationId, contactId } = thread;
    this.recent.add(applicationId, contactId, thread.messages);
    if (this.sockets.size === 0) return;
    const frames: MessageFrame[] = thread.messages.map((message) => ({
      type: 'message',
      applicationId,
      contactId,
      message,
    }));
    const recipients = this.sockets.devicesOf(applicationId, contactId);
    const organization = await this.organizationOf(applicationId);
    if (organization) recipients.push(...this.sockets.agentsOf(organization));
    for (const socket of recipients) {
      for (const frame of frames) socket.delivery.live(frame);
    }
  }

  async resume(socket: LiveSocket, request: ResumeRequest): Promise<void> {
    const { applicationId, contactId } = request;
    socket.delivery.beginCatchUp(applicationId, contactId);
    try {
      if (request.after === undefined) {
        const page = await this.conversation.page(applicationId, contactId, {
          limit: latestPageSize,
        });
        socket.delivery.catchUp(applicationId, contactId, page.messages);
      } else {
        let after = request.after;
        for (let pages = 0; pages < maxPages; pages++) {
          const page = await this.conversation.page(applicationId, contactId, {
            after,
            limit: pageSize,
          });
          socket.delivery.catchUp(applicationId, contactId, page.messages);
          const last = page.messages.at(-1);
          if (!last || page.nextCursor === null) break;
          after = last.cursor;
        }
      }
      // What this process saw live but the API's projection may not show yet.
      socket.delivery.catchUp(
        applicationId,
        contactId,
        this.recent.after(applicationId, contactId, request.after),
      );
    } finally {
      socket.delivery.endCatchUp(applicationId, contactId);
    }
  }

  /** S8: a session that logged out through this process loses its sockets at once. */
  closeSession(sessionId: string): void {
    for (const socket of this.sockets.ofSession(sessionId)) {
      socket.close(4401, 'session ended');
    }
  }

  private async organizationOf(applicationId: string): Promise<string | undefined> {
    try {
      return (await this.directory.find(applicationId))?.organizationDomain;
    } catch (error) {
      this.logger.warn({ err: error, applicationId }, 'organization unknown: agents not told');
      return undefined;
    }
  }
}
