import {
  SetCustomAttributesHandler,
  SubmitPreChatFormHandler,
  UpdateProfileHandler,
} from './api.handlers';
import { ContactCommandsExecutor } from './contact-commands.executor';
import { GetContactHandler, ListContactsHandler } from './contact.queries';
import {
  RecordAuthenticationHandler,
  RecordMessageHandler,
  StartVisitorHandler,
} from './reactor.handlers';

export * from './api.commands';
export * from './reactor.commands';
export * from './contact.queries';
export { ContactCommandsExecutor } from './contact-commands.executor';

/** Every command and query handler of contacts, with what they share. */
export const contactHandlers = [
  ContactCommandsExecutor,
  RecordAuthenticationHandler,
  StartVisitorHandler,
  RecordMessageHandler,
  SubmitPreChatFormHandler,
  UpdateProfileHandler,
  SetCustomAttributesHandler,
  GetContactHandler,
  ListContactsHandler,
];
