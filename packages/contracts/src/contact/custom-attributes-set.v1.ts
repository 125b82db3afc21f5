import { z } from 'zod';
import { defineEvent } from '../envelope';
import { ContactRef } from './contact-ref';
import {
  CustomAttributeKey,
  CustomAttributeValue,
  MAX_CUSTOM_ATTRIBUTES,
} from './custom-attribute';

/** Custom attributes that changed (S11, `updateUserData` or the agent API); null removes a key. */
export const CustomAttributesSetV1 = defineEvent(
  'contact.custom-attributes-set',
  1,
  z.strictObject({
    contactId: ContactRef,
    attributes: z
      .record(CustomAttributeKey, CustomAttributeValue.nullable())
      .refine((a) => Object.keys(a).length > 0, 'names at least one attribute')
      .refine(
        (a) => Object.keys(a).length <= MAX_CUSTOM_ATTRIBUTES,
        `at most ${MAX_CUSTOM_ATTRIBUTES} attributes`,
      ),
    /**
     * When the set was asked for (an API call, or the init whose `custom_data` it carries): a key
     * set later is not overwritten by an earlier request applied late. Added as optional in v1.
     */
    at: z.iso.datetime({ offset: true }).optional(),
  }),
);
