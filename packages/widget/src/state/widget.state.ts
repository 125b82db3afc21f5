import type { ChatMessage } from '../shared/thread-messages';
import type { LiveStatus } from '../shared/live-connection';

export interface PreChatState {
  name: string;
  email: string;
  submitting: boolean;
  error?: string;
}

export interface WidgetState {
  /** `idle`: nothing on the page; `refused`: a clean, empty chat after a 403 (S6, S7). */
  phase: 'idle' | 'loading' | 'ready' | 'refused';
  visible: boolean;
  open: boolean;
  mode?: 'user' | 'visitor';
  displayName: string;
  /** Present while an anonymous visitor still has the pre-chat form to fill in (S4). */
  preChat?: PreChatState;
  messages: ChatMessage[];
  /** `before` cursor of the next older page; null when the history is all loaded. */
  earlierCursor: string | null;
  loadingEarlier: boolean;
  draft: string;
  unread: number;
  notice?: string;
  live: LiveStatus;
}

export const initialWidgetState: WidgetState = {
  phase: 'idle',
  visible: true,
  open: false,
  displayName: '',
  messages: [],
  earlierCursor: null,
  loadingEarlier: false,
  draft: '',
  unread: 0,
  live: 'offline',
};

/** What stays when a session ends: whether the host page wants the widget shown at all. */
export function clearedWidgetState(state: WidgetState): WidgetState {
  return { ...initialWidgetState, visible: state.visible };
}
