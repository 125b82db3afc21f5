import type { WidgetApiClient, ProfileUpdate } from '../api/widget-api.client';
import type { DeviceTokenStore } from '../device/device-token.store';
import type { WidgetCommands } from '../loader/command-dispatcher';
import type { WidgetEvents } from '../loader/widget-events';
import { ApiError } from '../shared/api-error';
import { newClientMessageId } from '../shared/client-message-id';
import { sendWithRetry } from '../shared/send-with-retry';
import type { ThreadMessage, WidgetSession } from '../shared/gateway-types';
import { LiveConnection, liveUrlOf, type MessageFrame } from '../shared/live-connection';
import { lastCursor, mergeMessages, type ChatMessage } from '../shared/thread-messages';
import { Store } from '../state/store';
import { clearedWidgetState, initialWidgetState, type WidgetState } from '../state/widget.state';
import { initRefusal, readInitOptions, type InitConfig } from './init-options';

const PAGE_SIZE = 30;
const SEND_ATTEMPTS = 4;

/** Everything the widget does, for the host page's commands and for its own UI alike. */
export class WidgetController implements WidgetCommands {
  readonly store = new Store<WidgetState>(initialWidgetState);
  private config?: InitConfig;
  private session?: WidgetSession;
  private live?: LiveConnection;
  private markedReadUpTo?: string;

  constructor(
    private readonly gatewayOrigin: string,
    private readonly api: WidgetApiClient,
    private readonly devices: DeviceTokenStore,
    private readonly events: WidgetEvents,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async init(organizationDomain: unknown, options: unknown): Promise<void> {
    await this.authenticate(readInitOptions(organizationDomain, options));
  }

  async userAuth(user: unknown): Promise<void> {
    if (!this.config) throw new Error("call HelpCrunch('init', …) before userAuth");
    if (typeof user !== 'object' || user === null) throw new Error('userAuth needs a user object');
    // The device token stays: the visitor this browser was joins the user (S12).
    await this.authenticate({ ...this.config, user: user as Record<string, unknown> });
  }

  async updateUser(profile: unknown): Promise<void> {
    this.requireSession('updateUser');
    if (typeof profile !== 'object' || profile === null)
      throw new Error('updateUser needs an object');
    const fields: ProfileUpdate = {};
    for (const key of ['email', 'name', 'phone', 'company'] as const) {
      const value = (profile as Record<string, unknown>)[key];
      if (typeof value === 'string' && value.trim()) fields[key] = value.trim();
    }
    await this.api.updateUser(fields);
    if (fields.name) this.store.update({ displayName: fields.name });
  }

  async updateUserData(data: unknown): Promise<void> {
    this.requireSession('updateUserData');
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      throw new Error('updateUserData needs an object of attributes');
    await this.api.updateUserData(data as Record<string, unknown>);
  }

  async logOut(callback?: unknown): Promise<void> {
    let success = true;
    if (this.session) {
      try {
        await this.api.logout();
      } catch (error) {
        // The device forgets its identity regardless; the token expires on its own.
        success = false;
        console.error('Threadline widget: logout did not reach the gateway', error);
      }
    }
    if (this.config) this.devices.forget(this.config.organizationDomain, this.config.applicationId);
    this.endSession();
    if (typeof callback === 'function') callback({ success });
  }

  showChatWidget(): void {
    this.store.update({ visible: true });
  }

  hideChatWidget(): void {
    this.store.update({ visible: false, open: false });
  }

  openChat(): void {
    if (this.store.get().open) return;
    this.store.update({ open: true, visible: true });
    this.events.emit('onChatOpen');
    this.markRead();
  }

  closeChat(): void {
    if (!this.store.get().open) return;
    this.store.update({ open: false });
    this.events.emit('onChatClose');
  }

  async sendUserMessage(text: unknown): Promise<void> {
    if (typeof text !== 'string' || !text.trim()) throw new Error('sendUserMessage needs a text');
    this.requireSession('sendUserMessage');
    const sent = await this.send(text);
    if (!sent) throw new Error('the message could not be sent');
  }

  typeUserMessage(text: unknown): void {
    this.store.update({ draft: typeof text === 'string' ? text : String(text ?? '') });
  }

  /** The composer's send: the message shows at once and goes out with retries. */
  async send(text: string): Promise<boolean> {
    if (!this.session || !text.trim()) return false;
    const clientMessageId = newClientMessageId();
    const pending: ChatMessage = {
      clientMessageId,
      text,
      author: { kind: 'self' },
      state: 'sending',
    };
    this.store.update((s) => ({ messages: [...s.messages, pending], draft: '' }));
    return this.deliver(clientMessageId, text);
  }

  /** Sends a failed message again under the same client id, so the gateway never doubles it. */
  async retry(clientMessageId: string): Promise<boolean> {
    const message = this.store.get().messages.find((m) => m.clientMessageId === clientMessageId);
    if (!message || message.state !== 'failed') return false;
    this.patchMessage(clientMessageId, { state: 'sending', failure: undefined });
    return this.deliver(clientMessageId, message.text);
  }

  setDraft(draft: string): void {
    this.store.update({ draft });
  }

  async submitPreChat(name: string, email: string): Promise<void> {
    const form = this.store.get().preChat;
    if (!form || !this.session) return;
    this.store.update({ preChat: { ...form, name, email, submitting: true, error: undefined } });
    try {
      await this.api.submitPreChat(name.trim(), email.trim());
      this.store.update({ preChat: undefined });
    } catch (error) {
      const message =
        error instanceof ApiError ? error.message : 'could not reach the chat; try again';
      this.store.update({ preChat: { name, email, submitting: false, error: message } });
    }
  }

  async loadEarlier(): Promise<void> {
    const state = this.store.get();
    if (!this.session || !state.earlierCursor || state.loadingEarlier) return;
    const session = this.session;
    this.store.update({ loadingEarlier: true });
    try {
      const page = await this.api.messages({ before: state.earlierCursor, limit: PAGE_SIZE });
      if (this.session !== session) return;
      this.store.update((s) => ({
        messages: mergeMessages(s.messages, page.messages),
        earlierCursor: page.nextCursor,
        loadingEarlier: false,
      }));
    } catch (error) {
      this.store.update({ loadingEarlier: false });
      console.error('Threadline widget: could not load earlier messages', error);
    }
  }

  private async authenticate(config: InitConfig): Promise<void> {
    this.endSession();
    this.config = config;
    this.store.update({ phase: 'loading' });
    const deviceToken = this.devices.get(config.organizationDomain, config.applicationId);
    let session: WidgetSession;
    try {
      session = await this.api.init({
        organizationDomain: config.organizationDomain,
        applicationId: config.applicationId,
        applicationSecret: config.applicationSecret,
        user: config.user,
        deviceToken,
      });
    } catch (error) {
      return this.refuseInit(error);
    }
    if (this.config !== config) return;
    this.session = session;
    this.api.useSession(session.sessionToken);
    this.devices.set(config.organizationDomain, config.applicationId, session.deviceToken);
    const form = session.preChatForm;
    this.store.update({
      phase: 'ready',
      mode: session.mode,
      displayName: session.displayName,
      preChat: form?.required
        ? { name: form.name ?? '', email: form.email ?? '', submitting: false }
        : undefined,
      notice: undefined,
    });
    await this.loadLatest(session);
    if (this.session !== session) return;
    this.startLive(session);
    this.events.emit('onReady', { mode: session.mode, displayName: session.displayName });
  }

  private refuseInit(error: unknown): void {
    const refusal = initRefusal(error);
    console.error(`Threadline widget: ${refusal.consoleMessage}`);
    this.events.emit('onError', {
      command: 'init',
      status: refusal.status,
      message: refusal.message,
    });
    this.store.update(
      refusal.cleanChat
        ? { ...clearedWidgetState(this.store.get()), phase: 'refused', notice: refusal.notice }
        : clearedWidgetState(this.store.get()),
    );
  }

  private async loadLatest(session: WidgetSession): Promise<void> {
    try {
      const page = await this.api.messages({ limit: PAGE_SIZE });
      if (this.session !== session) return;
      this.store.update((s) => ({
        messages: mergeMessages(s.messages, page.messages),
        earlierCursor: page.nextCursor,
        unread: page.unread.user,
      }));
      if (page.unread.user > 0) this.announceUnread();
      this.markRead();
    } catch (error) {
      console.error('Threadline widget: could not load the conversation', error);
    }
  }

  private startLive(session: WidgetSession): void {
    this.live = new LiveConnection({
      url: liveUrlOf(this.gatewayOrigin),
      token: session.sessionToken,
      resumeFrame: () => ({ type: 'resume', after: lastCursor(this.store.get().messages) }),
      onMessage: (frame) => this.receive(session, frame),
      onStatus: (live) => this.store.update({ live }),
    });
    this.live.start();
  }

  private receive(session: WidgetSession, frame: MessageFrame): void {
    if (this.session !== session || frame.contactId !== session.contactId) return;
    const known = this.store.get().messages.some((m) => m.messageId === frame.message.messageId);
    if (known) return;
    this.store.update((s) => ({ messages: mergeMessages(s.messages, [frame.message]) }));
    if (frame.message.author.kind !== 'agent') return;
    this.events.emit('onAgentMessage', publicMessage(frame.message));
    if (this.store.get().open) this.markRead();
    else {
      this.store.update((s) => ({ unread: s.unread + 1 }));
      this.announceUnread();
    }
  }

  private announceUnread(): void {
    const unread = this.store.get().unread;
    this.events.emit('onNewUnreadChats', {
      unreadChats: unread > 0 ? 1 : 0,
      unreadMessages: unread,
    });
  }

  private markRead(): void {
    const state = this.store.get();
    const upTo = lastCursor(state.messages);
    if (!this.session || !state.open || !upTo || upTo === this.markedReadUpTo) return;
    this.markedReadUpTo = upTo;
    this.store.update({ unread: 0 });
    this.api.markRead(upTo).catch((error: unknown) => {
      this.markedReadUpTo = undefined;
      console.error('Threadline widget: could not mark the chat read', error);
    });
  }

  private async deliver(clientMessageId: string, text: string): Promise<boolean> {
    const session = this.session;
    try {
      const { message } = await sendWithRetry(
        () => this.api.send(clientMessageId, text),
        SEND_ATTEMPTS,
        this.sleep,
      );
      if (this.session !== session) return false;
      this.store.update((s) => ({ messages: mergeMessages(s.messages, [message]) }));
      this.events.emit('onCustomerMessage', publicMessage(message));
      return true;
    } catch (error) {
      if (this.session !== session) return false;
      const failure = error instanceof ApiError ? error.message : 'not sent: no connection';
      this.patchMessage(clientMessageId, { state: 'failed', failure });
      return false;
    }
  }

  private patchMessage(clientMessageId: string, patch: Partial<ChatMessage>): void {
    this.store.update((s) => ({
      messages: s.messages.map((m) =>
        m.clientMessageId === clientMessageId ? { ...m, ...patch } : m,
      ),
    }));
  }

  private requireSession(command: string): void {
    if (this.session) return;
    const phase = this.store.get().phase;
    throw new Error(
      phase === 'refused'
        ? `${command} refused: this user's identity was not confirmed`
        : `call HelpCrunch('init', …) before ${command}`,
    );
  }

  private endSession(): void {
    this.live?.stop();
    this.live = undefined;
    this.session = undefined;
    this.markedReadUpTo = undefined;
    this.api.useSession(undefined);
    this.events.resetReady();
    this.store.update(clearedWidgetState(this.store.get()));
  }
}

/** What the host page's callbacks receive about a message. */
function publicMessage(message: ThreadMessage) {
  return {
    id: message.messageId,
    text: message.text,
    sentAt: message.sentAt,
    from: message.author.kind === 'agent' ? 'agent' : 'customer',
  };
}
