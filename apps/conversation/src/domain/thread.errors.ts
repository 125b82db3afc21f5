/**
 * Refusals of the thread decider. `code` is stable (the gateway matches on it) and `field` names
 * the input at fault when there is one.
 */
export abstract class ThreadError extends Error {
  abstract readonly code: string;
  abstract readonly httpStatus: 400 | 404 | 409;
  readonly field: string | undefined;

  constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }
}

/** S12: the visitor's conversation joined a user's thread; the device is now that user's. */
export class ThreadMergedError extends ThreadError {
  readonly code = 'THREAD_MERGED';
  readonly httpStatus = 409;
  constructor(readonly mergedInto: string) {
    super(`this conversation was merged into the thread of contact ${mergedInto}`, 'contactId');
  }
}

/** A client message id names one message; another author reusing it is not a retry. */
export class ClientMessageIdConflictError extends ThreadError {
  readonly code = 'CLIENT_MESSAGE_ID_CONFLICT';
  readonly httpStatus = 409;
  constructor(readonly clientMessageId: string) {
    super(`clientMessageId ${clientMessageId} was used by another author`, 'clientMessageId');
  }
}

/** S17: a thread belongs to one application; another one's request sees no such thread. */
export class ThreadNotFoundError extends ThreadError {
  readonly code = 'THREAD_NOT_FOUND';
  readonly httpStatus = 404;
  constructor(readonly contactId: string) {
    super(`no thread of contact ${contactId} in this application`, 'contactId');
  }
}

export class MessageNotFoundError extends ThreadError {
  readonly code = 'MESSAGE_NOT_FOUND';
  readonly httpStatus = 400;
  constructor(field: string) {
    super('the thread has no such message', field);
  }
}
