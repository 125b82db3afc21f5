import { useCallback } from 'react';
import { Link, useParams } from 'react-router-dom';
import { AttributesEditor } from '../components/attributes-editor';
import { ProfileCard } from '../components/profile-card';
import { ThreadView } from '../components/thread-view';
import { useResource } from '../lib/use-resource';
import { useSignedIn } from '../session/agent-session.context';

/** One contact (S14): the profile with custom attributes beside the thread. */
export function ContactPage() {
  const { api, session } = useSignedIn();
  const { app = '', contactId = '' } = useParams();
  const load = useCallback(
    (signal: AbortSignal) => api.contact(app, contactId, signal),
    [api, app, contactId],
  );
  const contact = useResource(load);

  return (
    <div className="contact-page">
      <aside className="profile-column">
        <Link to={`/apps/${app}/contacts`} className="back">
          ← Contacts
        </Link>
        {contact.error && (
          <p className="error" role="alert">
            {contact.error.message}
          </p>
        )}
        {contact.data && (
          <>
            <ProfileCard contact={contact.data} />
            <AttributesEditor
              attributes={contact.data.customAttributes}
              save={async (changes) => {
                await api.setAttributes(app, contactId, changes);
                contact.reload();
              }}
            />
          </>
        )}
      </aside>
      <ThreadView
        key={`${app}/${contactId}`}
        api={api}
        token={session.agentToken}
        app={app}
        contactId={contactId}
        contactName={contact.data?.name ?? ''}
      />
    </div>
  );
}
