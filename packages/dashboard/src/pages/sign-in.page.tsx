import { ApiError } from '@threadline/widget/shared/api-error';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { AgentApiClient } from '../api/agent-api.client';
import { useAgentSession } from '../session/agent-session.context';

export function SignInPage() {
  const { session, signIn } = useAgentSession();
  const navigate = useNavigate();
  const [organizationDomain, setDomain] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (session) return <Navigate to="/" replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      signIn(
        await AgentApiClient.signIn({
          organizationDomain: organizationDomain.trim(),
          email: email.trim(),
          password,
        }),
      );
      navigate('/', { replace: true });
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 401
          ? 'Wrong organization, email or password.'
          : e instanceof Error
            ? e.message
            : String(e),
      );
      setBusy(false);
    }
  };

  return (
    <div className="sign-in">
      <form className="card" onSubmit={submit} data-testid="sign-in-form">
        <h1>Threadline</h1>
        <p className="muted">Sign in to answer your customers.</p>
        <label>
          Organization domain
          <input
            data-testid="sign-in-domain"
            autoComplete="organization"
            placeholder="acme.example"
            required
            value={organizationDomain}
            onChange={(e) => setDomain(e.target.value)}
          />
        </label>
        <label>
          Email
          <input
            data-testid="sign-in-email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            data-testid="sign-in-password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" data-testid="sign-in-submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
