import { Injectable, Logger } from '@nestjs/common';
import type { SendMessageBody, SentMessage } from '@threadline/contracts';
import { ConversationClient } from '../../infrastructure/upstream/conversation.client';
import { LiveHub } from './live-hub.service';

/**
 * Sends a message through the conversation service and, when it is new, hands it to this
 * process's live hub before answering, so the sender's other devices and the agents on this
 * process have it as soon as it is accepted (S13); Kafka's copy reaches every other gateway.
 */
@Injectable()
export class MessageSending {
  private readonly logger = new Logger('MessageSending');

  constructor(
    private readonly conversation: ConversationClient,
    private readonly hub: LiveHub,
  ) {}

  /** 201 for a new message, 200 for a retried `clientMessageId`. */
  async send(
    body: SendMessageBody,
    correlationId: string,
  ): Promise<{ status: number; sent: SentMessage }> {
    const { status, sent } = await this.conversation.send(body, correlationId);
    const { position, ...answer } = sent;
    if (status === 201 && position) {
      try {
        await this.hub.accepted(body.applicationId, body.contactId, answer.message, position);
      } catch (error) {
        // Accepted is accepted: the live copy from Kafka still delivers it.
        this.logger.warn({ err: error, correlationId }, 'delivery on accept failed');
      }
    }
    return { status, sent: answer };
  }
}
