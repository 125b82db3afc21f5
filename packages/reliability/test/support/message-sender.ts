import { randomBytes } from 'node:crypto';
import type { SentMessage } from '../../src/delivery-audit';
import { isTransient, type Answer } from './gateway-api';

/** Where a sender's next message goes: a thread and the call that posts to it. */
export interface SendTarget {
  contactId: string;
  post(clientMessageId: string, text: string): Promise<Answer>;
}

export interface SendRecord extends SentMessage {
  firstAttemptAt: number;
  acknowledgedAt?: number;
  /** Times of the attempts that failed transiently (and were retried). */
  failures: number[];
  /** 200 with `duplicate: true`: an earlier attempt had been recorded after all. */
  answeredAsDuplicate: boolean;
  /** A 4xx the widget would not retry: the message is given up. */
  refusal?: string;
}

/** Per message: how long a sender keeps trying before giving up (the widget stops sooner). */
const giveUpAfterMs = 120_000;

/**
 * A user's device or an agent sending steadily: one message at a time, every `intervalMs`, each
 * with its own client message id, sent again with the same id on a transient failure until a
 * 2xx answers it. An acknowledged message is one that got a 2xx.
 */
export class MessageSender {
  readonly messages: SendRecord[] = [];
  private running?: Promise<void>;
  private stopping = false;

  constructor(
    readonly name: string,
    private readonly intervalMs: number,
    private readonly nextTarget: () => SendTarget,
  ) {}

  start(): void {
    this.running = this.loop();
  }

  /** No new message after this; resolves when the one in flight is acknowledged or given up. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  private async loop(): Promise<void> {
    // Senders start out of step, so the gateway sees a steady stream rather than bursts.
    await sleep(Math.random() * this.intervalMs);
    while (!this.stopping) {
      await this.sendOne(this.nextTarget());
      if (!this.stopping) await sleep(this.intervalMs * (0.5 + Math.random()));
    }
  }

  private async sendOne(target: SendTarget): Promise<void> {
    const seq = this.messages.length + 1;
    const record: SendRecord = {
      clientMessageId: `${this.name}-${seq}-${randomBytes(6).toString('hex')}`,
      contactId: target.contactId,
      sender: this.name,
      seq,
      acknowledged: false,
      firstAttemptAt: Date.now(),
      failures: [],
      answeredAsDuplicate: false,
    };
    this.messages.push(record);
    const text = `${this.name} says #${seq}`;
    for (let attempt = 0; ; attempt++) {
      const answer = await target.post(record.clientMessageId, text);
      if (answer.status >= 200 && answer.status < 300) {
        record.acknowledged = true;
        record.acknowledgedAt = Date.now();
        record.answeredAsDuplicate = (answer.body as { duplicate?: boolean }).duplicate === true;
        return;
      }
      if (!isTransient(answer.status)) {
        record.refusal = `${answer.status} ${JSON.stringify(answer.body)}`;
        return;
      }
      record.failures.push(Date.now());
      if (Date.now() - record.firstAttemptAt > giveUpAfterMs) return;
      await sleep(Math.min(2_000, 250 * 2 ** attempt));
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
