import { useLayoutEffect, useRef } from 'preact/hooks';
import type { WidgetController } from '../session/widget.controller';
import type { WidgetState } from '../state/widget.state';

export function MessageList({
  controller,
  state,
}: {
  controller: WidgetController;
  state: WidgetState;
}) {
  const list = useRef<HTMLDivElement>(null);
  const before = useRef({ height: 0, top: 0, first: '', count: 0 });
  const messages = state.messages;
  const first = messages[0]?.clientMessageId ?? '';

  // Older messages prepended keep the view where it was; new ones at the end scroll to them.
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    const was = before.current;
    if (was.first && first !== was.first && messages.length > was.count)
      el.scrollTop = el.scrollHeight - was.height + was.top;
    else if (messages.length !== was.count) el.scrollTop = el.scrollHeight;
    before.current = { height: el.scrollHeight, top: el.scrollTop, first, count: messages.length };
  }, [messages, first]);

  const onScroll = () => {
    const el = list.current;
    if (!el) return;
    before.current = { ...before.current, height: el.scrollHeight, top: el.scrollTop };
    if (el.scrollTop < 24 && state.earlierCursor) void controller.loadEarlier();
  };

  return (
    <div class="tl-messages" ref={list} onScroll={onScroll} data-testid="widget-messages">
      {state.earlierCursor && (
        <button
          type="button"
          class="tl-earlier"
          data-testid="widget-load-earlier"
          disabled={state.loadingEarlier}
          onClick={() => void controller.loadEarlier()}
        >
          {state.loadingEarlier ? 'Loading…' : 'Load earlier messages'}
        </button>
      )}
      {messages.length === 0 && state.phase === 'ready' && !state.preChat && (
        <p class="tl-empty">Ask us anything — we usually answer within minutes.</p>
      )}
      {messages.map((m) => {
        const own = m.author.kind !== 'agent';
        return (
          <div
            key={m.clientMessageId}
            class={`tl-message ${own ? 'tl-own' : 'tl-agent'} tl-${m.state}`}
            data-testid="widget-message"
            data-author={own ? 'user' : 'agent'}
            data-state={m.state}
            data-message-id={m.messageId}
          >
            <div class="tl-text">{m.text}</div>
            {m.state === 'sending' && <div class="tl-meta">Sending…</div>}
            {m.state === 'failed' && (
              <div class="tl-meta">
                {m.failure ?? 'Not sent'} ·{' '}
                <button
                  type="button"
                  class="tl-retry"
                  data-testid="widget-retry"
                  onClick={() => void controller.retry(m.clientMessageId)}
                >
                  Retry
                </button>
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
