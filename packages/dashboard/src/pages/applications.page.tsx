import { Link, Navigate } from 'react-router-dom';
import { useSignedIn } from '../session/agent-session.context';

/** One application goes straight to its Contacts; several are listed to pick from. */
export function ApplicationsPage() {
  const { session } = useSignedIn();
  const apps = session.applications;
  if (apps.length === 1)
    return <Navigate to={`/apps/${apps[0]!.applicationId}/contacts`} replace />;
  return (
    <section>
      <h1>Applications</h1>
      {apps.length === 0 ? (
        <p className="muted">Your organization has no application yet.</p>
      ) : (
        <ul className="app-list" data-testid="application-list">
          {apps.map((a) => (
            <li key={a.applicationId}>
              <Link to={`/apps/${a.applicationId}/contacts`} data-testid="application-link">
                {a.name} <span className="muted">#{a.applicationId}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
