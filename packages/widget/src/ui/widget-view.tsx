import type { WidgetController } from '../session/widget.controller';
import { ChatPane } from './chat-pane';
import { Launcher } from './launcher';
import { useStore } from './use-store';

export function WidgetView({ controller }: { controller: WidgetController }) {
  const state = useStore(controller.store);
  if (!state.visible || (state.phase !== 'ready' && state.phase !== 'refused')) return null;
  return (
    <div class="tl-widget" data-testid="widget" data-phase={state.phase}>
      {state.open && <ChatPane controller={controller} state={state} />}
      <Launcher
        open={state.open}
        unread={state.unread}
        onToggle={() => (state.open ? controller.closeChat() : controller.openChat())}
      />
    </div>
  );
}
