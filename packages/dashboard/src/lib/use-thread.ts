import { ApiError } from '@threadline/widget/shared/api-error';
import { newClientMessageId } from '@threadline/widget/shared/client-message-id';
import {
  LiveConnection,
  liveUrlOf,
  type LiveStatus,
} from '@threadline/widget/shared/live-connection';
import { sendWithRetry } from '@threadline/widget/shared/send-with-retry';
import {
  lastCursor,
  mergeMessages,
  type ChatMessage,
} from '@threadline/widget/shared/thread-messages';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgentApiClient } from '../api/agent-api.client';

const PAGE_SIZE = 30;

export interface ThreadState {
  messages: ChatMessage[];
  earlierCursor: string | null;
  loading: boolean;
  loadingEarlier: boolean;
  error?: string;
  live: LiveStatus;
}

const initial: ThreadState = {
  messages: [],
  earlierCursor: null,
  loading: true,
  loadingEarlier: false,
  live: 'connecting',
};

/**
 * A contact's thread for an agent (S13, S14): the latest page, older pages on demand, live
 * messages over `/ws` resumed after the last one held, replies, and read marks. Mount one per
 * contact (a `key` on the component).
 */
export function useThread(api: AgentApiClient, token: string, app: string, contactId: string) {
  const [state, setState] = useState<ThreadState>(initial);
  const messages = useRef<ChatMessage[]>([]);
  const markedUpTo = useRef<string | undefined>(undefined);

  useEffect(() => {
    messages.current = state.messages;
  }, [state.messages]);

  useEffect(() => {
    let connection: LiveConnection | undefined;
    let cancelled = false;
    api.messages(app, contactId, { limit: PAGE_SIZE }).then(
      (page) => {
        if (cancelled) return;
        setState((s) => ({
          ...s,
          messages: mergeMessages([], page.messages),
          earlierCursor: page.nextCursor,
          loading: false,
        }));
        connection = new LiveConnection({
          url: liveUrlOf(location.origin),
          token,
          resumeFrame: () => ({
            type: 'resume',
            applicationId: app,
            contactId,
            after: lastCursor(messages.current),
          }),
          onMessage: (frame) => {
            if (frame.applicationId !== app || frame.contactId !== contactId) return;
            setState((s) => ({ ...s, messages: mergeMessages(s.messages, [frame.message]) }));
          },
          onStatus: (live) => setState((s) => ({ ...s, live })),
        });
        connection.start();
      },
      (error: unknown) => {
        if (!cancelled) setState((s) => ({ ...s, loading: false, error: messageOf(error) }));
      },
    );
    return () => {
      cancelled = true;
      connection?.stop();
    };
  }, [api, token, app, contactId]);

  // The agent has the thread open: what it shows is read.
  useEffect(() => {
    const upTo = lastCursor(state.messages);
    if (!upTo || upTo === markedUpTo.current) return;
    markedUpTo.current = upTo;
    api.markRead(app, contactId, upTo).catch(() => {
      markedUpTo.current = undefined;
    });
  }, [api, app, contactId, state.messages]);

  const loadEarlier = useCallback(async () => {
    const before = state.earlierCursor;
    if (!before || state.loadingEarlier) return;
    setState((s) => ({ ...s, loadingEarlier: true }));
    try {
      const page = await api.messages(app, contactId, { before, limit: PAGE_SIZE });
      setState((s) => ({
        ...s,
        messages: mergeMessages(s.messages, page.messages),
        earlierCursor: page.nextCursor,
        loadingEarlier: false,
      }));
    } catch (error) {
      setState((s) => ({ ...s, loadingEarlier: false, error: messageOf(error) }));
    }
  }, [api, app, contactId, state.earlierCursor, state.loadingEarlier]);

  const deliver = useCallback(
    async (clientMessageId: string, text: string) => {
      try {
        const { message } = await sendWithRetry(() =>
          api.send(app, contactId, clientMessageId, text),
        );
        setState((s) => ({ ...s, messages: mergeMessages(s.messages, [message]) }));
      } catch (error) {
        setState((s) => ({
          ...s,
          messages: s.messages.map((m) =>
            m.clientMessageId === clientMessageId
              ? { ...m, state: 'failed', failure: messageOf(error) }
              : m,
          ),
        }));
      }
    },
    [api, app, contactId],
  );

  const send = useCallback(
    (text: string) => {
      const clientMessageId = newClientMessageId();
      const pending: ChatMessage = {
        clientMessageId,
        text,
        author: { kind: 'self' },
        state: 'sending',
      };
      setState((s) => ({ ...s, messages: [...s.messages, pending] }));
      return deliver(clientMessageId, text);
    },
    [deliver],
  );

  const retry = useCallback(
    (clientMessageId: string) => {
      const message = messages.current.find((m) => m.clientMessageId === clientMessageId);
      if (!message) return;
      setState((s) => ({
        ...s,
        messages: s.messages.map((m) =>
          m.clientMessageId === clientMessageId ? { ...m, state: 'sending' } : m,
        ),
      }));
      void deliver(clientMessageId, message.text);
    },
    [deliver],
  );

  return { ...state, loadEarlier, send, retry };
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
