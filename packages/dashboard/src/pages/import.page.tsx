import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { uploadCsv } from '../api/upload-csv';
import { percent } from '../lib/format';
import type { ImportStatus } from '../lib/agent-types';
import { useSignedIn } from '../session/agent-session.context';

const POLL_MS = 700;

/** CSV import (S10): the file streams up, progress follows the import, bad rows are listed by line. */
export function ImportPage() {
  const { api } = useSignedIn();
  const { app = '' } = useParams();
  const [file, setFile] = useState<File>();
  const [upload, setUpload] = useState<{ sent: number; total: number }>();
  const [status, setStatus] = useState<ImportStatus>();
  const [error, setError] = useState<string>();
  const importId = status?.importId;
  const running = status?.state === 'running';

  useEffect(() => {
    if (!importId || !running) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.importStatus(app, importId, controller.signal).then(setStatus, (e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      });
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, app, importId, running, status]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(undefined);
    setStatus(undefined);
    setUpload({ sent: 0, total: file.size });
    try {
      const accepted = await uploadCsv(api.importUrl(app), api.bearer, file, (sent, total) =>
        setUpload({ sent, total }),
      );
      setStatus(accepted);
    } catch (e) {
      if (e instanceof Error && 'status' in e && e.status === 401) api.unauthorized();
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setUpload(undefined);
    }
  };

  return (
    <section className="import">
      <h1>Import contacts from CSV</h1>
      <p className="muted">
        A header row with <code>user_id</code>, <code>email</code>, <code>name</code>,{' '}
        <code>phone</code>, <code>company</code>; any other column becomes a custom attribute.
        Imported contacts are authenticated, and importing the same rows again changes nothing.
      </p>
      <form className="card upload" onSubmit={submit}>
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="import-file"
          aria-label="CSV file"
          onChange={(e) => setFile(e.target.files?.[0])}
        />
        <button
          type="submit"
          className="primary"
          data-testid="import-submit"
          disabled={!file || !!upload || running}
        >
          Import
        </button>
      </form>
      {upload && (
        <div className="progress-block" data-testid="import-uploading">
          Uploading… {percent(upload.sent, upload.total)}%
          <progress max={100} value={percent(upload.sent, upload.total)} />
        </div>
      )}
      {error && (
        <p className="error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {status && (
        <div className="card" data-testid="import-status" data-state={status.state}>
          <h2>
            {status.state === 'running'
              ? 'Importing…'
              : status.state === 'done'
                ? 'Import finished'
                : 'Import failed'}
          </h2>
          <dl className="figures">
            <div>
              <dt>Rows read</dt>
              <dd data-testid="import-rows-read">{status.rowsRead}</dd>
            </div>
            <div>
              <dt>Imported</dt>
              <dd data-testid="import-rows-imported">{status.rowsImported}</dd>
            </div>
            <div>
              <dt>Unchanged</dt>
              <dd data-testid="import-rows-unchanged">{status.rowsUnchanged}</dd>
            </div>
            <div>
              <dt>Rows with errors</dt>
              <dd data-testid="import-error-count">{status.errorCount}</dd>
            </div>
          </dl>
          {status.failure && <p className="error">{status.failure}</p>}
          {status.errors.length > 0 && (
            <table className="row-errors" data-testid="import-row-errors">
              <thead>
                <tr>
                  <th>Line</th>
                  <th>Reason</th>
                </tr>
              </thead>
              <tbody>
                {status.errors.map((e) => (
                  <tr
                    key={`${e.line}:${e.reason}`}
                    data-testid="import-row-error"
                    data-line={e.line}
                  >
                    <td>{e.line}</td>
                    <td>{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {status.errorCount > status.errors.length && (
            <p className="muted">
              …and {status.errorCount - status.errors.length} more rows with errors.
            </p>
          )}
          {status.state === 'done' && (
            <Link to={`/apps/${app}/contacts`} data-testid="import-to-contacts">
              See the contacts
            </Link>
          )}
        </div>
      )}
    </section>
  );
}
