export function Launcher(props: { open: boolean; unread: number; onToggle(): void }) {
  return (
    <button
      type="button"
      class="tl-launcher"
      data-testid="widget-launcher"
      aria-label={props.open ? 'Close chat' : 'Open chat'}
      aria-expanded={props.open}
      onClick={props.onToggle}
    >
      <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
        {props.open ? (
          <path
            d="M6 6l12 12M18 6L6 18"
            stroke="currentColor"
            stroke-width="2.2"
            stroke-linecap="round"
          />
        ) : (
          <path
            d="M4 5h16v11H8l-4 4z"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linejoin="round"
          />
        )}
      </svg>
      {props.unread > 0 && !props.open && (
        <span class="tl-badge" data-testid="widget-unread-badge">
          {props.unread > 99 ? '99+' : props.unread}
        </span>
      )}
    </button>
  );
}
