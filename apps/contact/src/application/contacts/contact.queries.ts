import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ContactListQuery, ContactPage, ContactView } from '@threadline/contracts';
import { ContactNotFoundError } from '../../domain';
import { CONTACTS_READ_MODEL, type ContactsReadModel } from '../ports/contacts-read-model.port';

export class GetContactQuery {
  constructor(
    readonly applicationId: string,
    readonly contactId: string,
  ) {}
}

export class ListContactsQuery {
  constructor(
    readonly applicationId: string,
    readonly query: ContactListQuery,
  ) {}
}

@QueryHandler(GetContactQuery)
export class GetContactHandler implements IQueryHandler<GetContactQuery, ContactView> {
  constructor(@Inject(CONTACTS_READ_MODEL) private readonly readModel: ContactsReadModel) {}

  async execute(query: GetContactQuery): Promise<ContactView> {
    const view = await this.readModel.view(query.applicationId, query.contactId);
    if (!view) throw new ContactNotFoundError(query.contactId);
    return view;
  }
}

@QueryHandler(ListContactsQuery)
export class ListContactsHandler implements IQueryHandler<ListContactsQuery, ContactPage> {
  constructor(@Inject(CONTACTS_READ_MODEL) private readonly readModel: ContactsReadModel) {}

  execute(query: ListContactsQuery): Promise<ContactPage> {
    return this.readModel.list(query.applicationId, query.query);
  }
}
