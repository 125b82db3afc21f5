/** A refusal of the contact domain, with a stable code and the field it concerns. */
export abstract class ContactError extends Error {
  abstract readonly code: string;
  abstract readonly httpStatus: number;
  readonly field?: string;
}

export class ContactNotFoundError extends ContactError {
  readonly code = 'CONTACT_NOT_FOUND';
  readonly httpStatus = 404;
  constructor(readonly contactId: string) {
    super(`no contact ${contactId}`);
  }
}

/** S12: the visitor's contact closed into a user's; its commands go there instead. */
export class ContactMergedError extends ContactError {
  readonly code = 'CONTACT_MERGED';
  readonly httpStatus = 409;
  constructor(
    readonly contactId: string,
    readonly intoContactId: string,
  ) {
    super(`contact ${contactId} was merged into ${intoContactId}`);
  }
}

export class CustomAttributeLimitError extends ContactError {
  readonly code = 'TOO_MANY_CUSTOM_ATTRIBUTES';
  readonly httpStatus = 400;
  override readonly field = 'attributes';
  constructor(limit: number, wouldHave: number) {
    super(`a contact has at most ${limit} custom attributes; this would make ${wouldHave}`);
  }
}

/** Pre-chat forms are for anonymous visitors (S4); users never get one (S2). */
export class NotAVisitorError extends ContactError {
  readonly code = 'NOT_A_VISITOR';
  readonly httpStatus = 400;
  override readonly field = 'contactId';
  constructor(contactId: string) {
    super(`${contactId} is not an anonymous visitor's contact`);
  }
}
