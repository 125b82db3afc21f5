import { Link, Navigate, NavLink, Outlet, useLocation, useParams } from 'react-router-dom';
import { useAgentSession } from '../session/agent-session.context';

/** The frame of every signed-in page; without a session it sends the agent to sign in. */
export function Layout() {
  const { session, signOut } = useAgentSession();
  const location = useLocation();
  const { app } = useParams();
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  const application = session.applications.find((a) => a.applicationId === app);
  return (
    <div className="shell">
      <header className="topbar">
        <Link to="/" className="brand">
          Threadline
        </Link>
        {app && (
          <nav className="tabs">
            <NavLink to={`/apps/${app}/contacts`} end data-testid="nav-contacts">
              Contacts
            </NavLink>
            <NavLink to={`/apps/${app}/import`} data-testid="nav-import">
              Import CSV
            </NavLink>
          </nav>
        )}
        <div className="who">
          {application && (
            <span className="app-name" data-testid="current-application">
              {application.name}
            </span>
          )}
          <span data-testid="agent-name">{session.agent.name}</span>
          <span className="muted">{session.agent.organizationDomain}</span>
          <button type="button" className="link" data-testid="sign-out" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}
