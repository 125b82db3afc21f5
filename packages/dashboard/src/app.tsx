import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Layout } from './components/layout';
import { ApplicationsPage } from './pages/applications.page';
import { ContactPage } from './pages/contact.page';
import { ContactsPage } from './pages/contacts.page';
import { ImportPage } from './pages/import.page';
import { SignInPage } from './pages/sign-in.page';
import { AgentSessionProvider } from './session/agent-session.context';

// Hash routes: the gateway serves the built files as they are, with no fallback route.
export function App() {
  return (
    <AgentSessionProvider>
      <HashRouter>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route element={<Layout />}>
            <Route index element={<ApplicationsPage />} />
            <Route path="apps/:app/contacts" element={<ContactsPage />} />
            <Route path="apps/:app/contacts/:contactId" element={<ContactPage />} />
            <Route path="apps/:app/import" element={<ImportPage />} />
          </Route>
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </HashRouter>
    </AgentSessionProvider>
  );
}
