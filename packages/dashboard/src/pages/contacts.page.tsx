import { useCallback, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { ContactQuery } from '../api/agent-api.client';
import { formatWhen } from '../lib/format';
import {
  currentCursor,
  firstPage,
  nextPage,
  pageNumber,
  previousPage,
  type PageCursors,
} from '../lib/page-cursors';
import { useDebounced } from '../lib/use-debounced';
import { useResource } from '../lib/use-resource';
import { useSignedIn } from '../session/agent-session.context';

type Filter = 'authenticated' | 'all' | 'anonymous';
const FILTER_QUERY: Record<Filter, ContactQuery['authenticated']> = {
  authenticated: 'true',
  all: undefined,
  anonymous: 'false',
};
const PAGE_SIZE = 25;

/** Contacts (S9, S14): authenticated users by default, newest seen first, searchable, paged. */
export function ContactsPage() {
  const { api } = useSignedIn();
  const { app = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filter = (params.get('filter') as Filter | null) ?? 'authenticated';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebounced(search.trim(), 300);
  const [paging, setPaging] = useState<{ key: string; pages: PageCursors }>({
    key: '',
    pages: firstPage,
  });
  const key = `${app}|${q}|${filter}`;
  // A new search or filter starts again from the first page.
  const pages = paging.key === key ? paging.pages : firstPage;
  const cursor = currentCursor(pages);

  const load = useCallback(
    (signal: AbortSignal) =>
      api.contacts(
        app,
        { q, authenticated: FILTER_QUERY[filter], cursor, limit: PAGE_SIZE },
        signal,
      ),
    [api, app, q, filter, cursor],
  );
  const contacts = useResource(load);

  const setFilter = (next: Filter) => {
    const updated = new URLSearchParams(params);
    if (next === 'authenticated') updated.delete('filter');
    else updated.set('filter', next);
    setParams(updated, { replace: true });
  };

  return (
    <section>
      <div className="toolbar">
        <h1>Contacts</h1>
        <input
          type="search"
          className="search"
          data-testid="contacts-search"
          placeholder="Search name, email, user id…"
          aria-label="Search contacts"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select
          data-testid="contacts-filter"
          aria-label="Which contacts"
          value={filter}
          onChange={(e) => setFilter(e.target.value as Filter)}
        >
          <option value="authenticated">Authenticated</option>
          <option value="anonymous">Anonymous visitors</option>
          <option value="all">Everyone</option>
        </select>
        <button
          type="button"
          data-testid="contacts-refresh"
          onClick={contacts.reload}
          disabled={contacts.loading}
        >
          Refresh
        </button>
      </div>
      {contacts.error && (
        <p className="error" role="alert">
          {contacts.error.message}
        </p>
      )}
      <table className="contacts" data-testid="contacts-table" aria-busy={contacts.loading}>
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>User id</th>
            <th>Source</th>
            <th>Last seen</th>
          </tr>
        </thead>
        <tbody>
          {contacts.data?.contacts.map((c) => (
            <tr
              key={c.contactId}
              data-testid="contact-row"
              data-contact-id={c.contactId}
              data-user-id={c.userId ?? ''}
            >
              <td>
                <Link
                  to={`/apps/${app}/contacts/${encodeURIComponent(c.contactId)}`}
                  data-testid="contact-name"
                >
                  {c.name}
                </Link>
                {!c.authenticated && <span className="tag">visitor</span>}
              </td>
              <td data-testid="contact-email">{c.email}</td>
              <td className="mono">{c.userId ?? ''}</td>
              <td>{c.source}</td>
              <td>{formatWhen(c.lastSeenAt)}</td>
            </tr>
          ))}
          {contacts.data && contacts.data.contacts.length === 0 && (
            <tr>
              <td colSpan={5} className="muted" data-testid="contacts-empty">
                No contacts{q ? ` match “${q}”` : ''}.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="pager">
        <button
          type="button"
          data-testid="contacts-previous"
          disabled={pageNumber(pages) === 1}
          onClick={() => setPaging({ key, pages: previousPage(pages) })}
        >
          ← Previous
        </button>
        <span className="muted">Page {pageNumber(pages)}</span>
        <button
          type="button"
          data-testid="contacts-next"
          disabled={!contacts.data?.nextCursor}
          onClick={() =>
            contacts.data?.nextCursor &&
            setPaging({ key, pages: nextPage(pages, contacts.data.nextCursor) })
          }
        >
          Next →
        </button>
      </div>
    </section>
  );
}
