import type { WidgetController } from '../session/widget.controller';

export function Composer({ controller, draft }: { controller: WidgetController; draft: string }) {
  const submit = (event?: Event) => {
    event?.preventDefault();
    if (draft.trim()) void controller.send(draft);
  };
  return (
    <form class="tl-composer" onSubmit={submit}>
      <textarea
        class="tl-input"
        data-testid="widget-composer-input"
        placeholder="Write a message…"
        aria-label="Message"
        rows={1}
        maxLength={10_000}
        value={draft}
        onInput={(e) => controller.setDraft((e.target as HTMLTextAreaElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) submit(e);
        }}
      />
      <button type="submit" class="tl-send" data-testid="widget-send" disabled={!draft.trim()}>
        Send
      </button>
    </form>
  );
}
