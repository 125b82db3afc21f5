import { Injectable, Logger } from '@nestjs/common';
import {
  contactIdOfThread,
  type KnownEvent,
  type ServerFrame,
  type ThreadCommitPosition,
  type ThreadMessage,
} from '@threadline/contracts';
import { ConversationClient } from '../../infrastructure/upstream/conversation.client';
import { ApplicationDirectory } from '../tenancy/application-directory.service';
import { RecentMessages } from './recent-messages';
import { SocketDelivery, type MessageFrame } from './socket-delivery';
import { SocketRegistry, type RegisteredSocket } from './socket-registry';
import { threadMessagesOf } from './thread-message.mapper';
import { ThreadVersions } from './thread-versions';

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
  private readonly versions = new ThreadVersions();

  constructor(
    private readonly directory: ApplicationDirectory,
    private readonly conversation: ConversationClient,
  ) {}

  /** An event of `conversation.events`, as Kafka brings it (each stream's events in order). */
  async publish(event: KnownEvent): Promise<void> {
    const contactId = contactIdOfThread(event.streamId);
    if (!contactId) return;
    const applicationId = event.tenantId;
    const thread = threadMessagesOf(event);
    if (thread) {
      this.recent.add(applicationId, contactId, thread.messages);
      const organization = await this.organizationOf(applicationId);
      this.deliver(applicationId, contactId, thread.messages, organization);
    }
    this.versions.advance(applicationId, contactId, event.streamVersion);
  }

  /**
   * A message this process just saw accepted: its sockets get it now when the thread has been
   * delivered here up to the commit before it; otherwise Kafka's copy brings it, in order.
   */
  async accepted(
    applicationId: string,
    contactId: string,
    message: ThreadMessage,
    position: ThreadCommitPosition,
  ): Promise<void> {
    // Looked up first: between the claim and the sends nothing may interleave.
    const organization = await this.organizationOf(applicationId);
    if (!this.versions.claim(applicationId, contactId, position.fromVersion, position.toVersion))
      return;
    this.recent.add(applicationId, contactId, [message]);
    this.deliver(applicationId, contactId, [message], organization);
  }

  private deliver(
    applicationId: string,
    contactId: string,
    messages: readonly ThreadMessage[],
    organization: string | undefined,
  ): void {
    if (this.sockets.size === 0) return;
    const frames: MessageFrame[] = messages.map((message) => ({
      type: 'message',
      applicationId,
      contactId,
      message,
    }));
    const recipients = this.sockets.devicesOf(applicationId, contactId);
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

  /** Whose agents get the application's messages; not looked up while no socket is open. */
  private async organizationOf(applicationId: string): Promise<string | undefined> {
    if (this.sockets.size === 0) return undefined;
    try {
      return (await this.directory.find(applicationId))?.organizationDomain;
    } catch (error) {
      this.logger.warn({ err: error, applicationId }, 'organization unknown: agents not told');
      return undefined;
    }
  }
}
