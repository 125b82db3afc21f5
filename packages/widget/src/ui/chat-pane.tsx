import type { WidgetController } from '../session/widget.controller';
import type { WidgetState } from '../state/widget.state';
import { Composer } from './composer';
import { MessageList } from './message-list';
import { PreChatForm } from './pre-chat-form';

export function ChatPane({
  controller,
  state,
}: {
  controller: WidgetController;
  state: WidgetState;
}) {
  return (
    <section class="tl-pane" data-testid="widget-pane" aria-label="Chat">
      <header class="tl-header">
        <div>
          <div class="tl-title">Chat with us</div>
          {state.displayName && (
            <div class="tl-subtitle" data-testid="widget-user-name">
              {state.displayName}
            </div>
          )}
        </div>
        <button
          type="button"
          class="tl-close"
          data-testid="widget-close"
          aria-label="Close chat"
          onClick={() => controller.closeChat()}
        >
          ×
        </button>
      </header>
      {state.notice && (
        <p class="tl-notice" role="status" data-testid="widget-notice">
          {state.notice}
        </p>
      )}
      {state.live === 'offline' && state.phase === 'ready' && (
        <p class="tl-offline" data-testid="widget-offline">
          Reconnecting…
        </p>
      )}
      <MessageList controller={controller} state={state} />
      {state.phase === 'ready' &&
        (state.preChat ? (
          <PreChatForm controller={controller} form={state.preChat} />
        ) : (
          <Composer controller={controller} draft={state.draft} />
        ))}
    </section>
  );
}
