export const WIDGET_EVENTS = [
  'onReady',
  'onError',
  'onChatOpen',
  'onChatClose',
  'onCustomerMessage',
  'onAgentMessage',
  'onNewUnreadChats',
] as const;
export type WidgetEventName = (typeof WIDGET_EVENTS)[number];
type Listener = (payload?: unknown) => void;

export function isWidgetEvent(name: string): name is WidgetEventName {
  return (WIDGET_EVENTS as readonly string[]).includes(name);
}

/**
 * The callbacks a host page registers with `HelpCrunch('onReady', fn)` and the like. `onReady`
 * is sticky: a callback registered after the widget became ready is called at once.
 */
export class WidgetEvents {
  private readonly listeners = new Map<WidgetEventName, Listener[]>();
  private readyPayload: { value: unknown } | undefined;

  on(name: WidgetEventName, listener: Listener): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    if (name === 'onReady' && this.readyPayload) this.call(listener, this.readyPayload.value);
  }

  emit(name: WidgetEventName, payload?: unknown): void {
    if (name === 'onReady') this.readyPayload = { value: payload };
    for (const listener of this.listeners.get(name) ?? []) this.call(listener, payload);
  }

  /** After a logout or a failed re-init the widget is no longer ready. */
  resetReady(): void {
    this.readyPayload = undefined;
  }

  private call(listener: Listener, payload: unknown): void {
    try {
      listener(payload);
    } catch (error) {
      // A host page's callback must not break the widget.
      console.error('Threadline widget: a HelpCrunch callback threw', error);
    }
  }
}
