import { generatedName, userIdentityKey } from '@threadline/generated-names';
import type { ContactDocument } from './contact.document';
import { toContactView } from './contact-view.mapper';

function anImportedContact(overrides: Partial<ContactDocument> = {}): ContactDocument {
  return {
    _id: 'usr_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    streamId: 'contact-usr_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    streamVersion: 0,
    schemaVersion: 1,
    applicationId: '100001',
    kind: 'user',
    userId: 'u-7',
    own: {},
    ownAttributes: {},
    authenticated: true,
    seenAt: '',
    createdAt: '2026-11-23T10:00:00.000Z',
    importKey: 'imp-1:2',
    importedProfile: { email: 'irma@example.com' },
    importedAttributes: {},
    importedAt: '2026-11-23T10:00:00.000Z',
    ...overrides,
  } as ContactDocument;
}

describe('contact view', () => {
  it('given a user imported without a name, then it shows the name identity will generate for that user_id (S5)', () => {
    const view = toContactView(anImportedContact());

    expect(view.name).toBe(generatedName(userIdentityKey('100001', 'u-7')));
    expect(view.name).toMatch(/^\S+ \S+ \(anonym\)$/);
  });

  it('given an email-only import without a name, then the generated name is stable for that email', () => {
    const doc = anImportedContact({ kind: 'email', userId: undefined });

    expect(toContactView(doc).name).toMatch(/\(anonym\)$/);
    expect(toContactView(doc).name).toBe(toContactView({ ...doc }).name);
  });

  it('given a name on file, then it wins over any generated one', () => {
    const view = toContactView(
      anImportedContact({
        importedProfile: { name: 'Irma Importer' },
        generatedName: 'Odd Emu (anonym)',
      }),
    );

    expect(view.name).toBe('Irma Importer');
  });
});
