import { formatWhen } from '../lib/format';
import type { ContactView } from '../lib/agent-types';

export function ProfileCard({ contact }: { contact: ContactView }) {
  const rows: [string, string, string][] = [
    ['Email', contact.email, 'profile-email'],
    ['Phone', contact.phone, 'profile-phone'],
    ['Company', contact.company, 'profile-company'],
    ['User id', contact.userId ?? '', 'profile-user-id'],
    ['Source', contact.source, 'profile-source'],
    ['First seen', formatWhen(contact.createdAt), 'profile-created'],
    ['Last seen', formatWhen(contact.lastSeenAt), 'profile-last-seen'],
  ];
  return (
    <section className="card profile" data-testid="contact-profile">
      <h2 data-testid="profile-name">{contact.name}</h2>
      <p className="muted">
        {contact.authenticated ? 'Authenticated contact' : 'Anonymous visitor'}
      </p>
      <dl>
        {rows.map(([label, value, testId]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd data-testid={testId}>{value || <span className="muted">—</span>}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
