export interface Clock {
  now(): Date;
}

export const CONTACT_CLOCK = Symbol('CONTACT_CLOCK');
