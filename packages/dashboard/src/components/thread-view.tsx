import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import type { AgentApiClient } from '../api/agent-api.client';
import { formatWhen } from '../lib/format';
import { useThread } from '../lib/use-thread';

interface Props {
  api: AgentApiClient;
  token: string;
  app: string;
  contactId: string;
  contactName: string;
}

/** The contact's one thread (S13): history paging back, live messages, and the reply box. */
export function ThreadView({ api, token, app, contactId, contactName }: Props) {
  const thread = useThread(api, token, app, contactId);
  const [draft, setDraft] = useState('');
  const list = useRef<HTMLDivElement>(null);
  const last = thread.messages.at(-1)?.clientMessageId;

  // Follow the conversation as it grows; an older page keeps the view where it was.
  useLayoutEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [last]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    void thread.send(draft);
    setDraft('');
  };

  return (
    <section className="thread" data-testid="thread">
      <header className="thread-header">
        <h2>{contactName || 'Conversation'}</h2>
        <span
          className={`live live-${thread.live}`}
          data-testid="thread-live"
          data-status={thread.live}
        >
          {thread.live === 'live'
            ? 'live'
            : thread.live === 'refused'
              ? 'signed out'
              : 'reconnecting…'}
        </span>
      </header>
      <div className="messages" ref={list} data-testid="thread-messages">
        {thread.earlierCursor && (
          <button
            type="button"
            className="earlier"
            data-testid="thread-load-earlier"
            disabled={thread.loadingEarlier}
            onClick={() => void thread.loadEarlier()}
          >
            {thread.loadingEarlier ? 'Loading…' : 'Load earlier messages'}
          </button>
        )}
        {thread.loading && <p className="muted">Loading…</p>}
        {!thread.loading && thread.messages.length === 0 && (
          <p className="muted" data-testid="thread-empty">
            No messages yet.
          </p>
        )}
        {thread.messages.map((m) => {
          const fromAgent = m.author.kind !== 'user';
          return (
            <div
              key={m.clientMessageId}
              className={`bubble ${fromAgent ? 'from-agent' : 'from-user'} ${m.state}`}
              data-testid="thread-message"
              data-author={fromAgent ? 'agent' : 'user'}
              data-state={m.state}
            >
              <div className="text">{m.text}</div>
              <div className="meta">
                {m.state === 'sending' && 'Sending…'}
                {m.state === 'sent' && formatWhen(m.sentAt)}
                {m.state === 'failed' && (
                  <>
                    {m.failure ?? 'Not sent'} ·{' '}
                    <button
                      type="button"
                      className="link"
                      onClick={() => thread.retry(m.clientMessageId)}
                    >
                      Retry
                    </button>
                  </>
                )}
              </div>
            </div>
          );
        })}
      </div>
      {thread.error && (
        <p className="error" role="alert">
          {thread.error}
        </p>
      )}
      <form className="reply" onSubmit={submit}>
        <textarea
          data-testid="reply-input"
          aria-label="Reply"
          placeholder="Write a reply…"
          rows={2}
          maxLength={10_000}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) submit(e);
          }}
        />
        <button type="submit" className="primary" data-testid="reply-send" disabled={!draft.trim()}>
          Send
        </button>
      </form>
    </section>
  );
}
