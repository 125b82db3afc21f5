import type {
  AgentSignInBody,
  ContactListQuery,
  PreChatFormBody,
  ReadUpToBody,
  SetCustomAttributesBody,
  ThreadListQuery,
  ThreadPageQuery,
  UpdateProfileBody,
  WidgetInitBody,
  WidgetSendMessageBody,
  WidgetUserDataBody,
} from '@threadline/contracts';
import type { z } from 'zod';

/**
 * Parameter types of the controllers under names no value has: decorator metadata would otherwise
 * name the zod schema of the same name (as swc emits it), and the OpenAPI scanner would take that
 * schema for a class.
 */
export type InitInput = z.output<typeof WidgetInitBody>;
export type SendInput = z.output<typeof WidgetSendMessageBody>;
export type ReadInput = z.output<typeof ReadUpToBody>;
export type PreChatInput = z.output<typeof PreChatFormBody>;
export type ProfileInput = z.output<typeof UpdateProfileBody>;
export type UserDataInput = z.output<typeof WidgetUserDataBody>;
export type AttributesInput = z.output<typeof SetCustomAttributesBody>;
export type SignInInput = z.output<typeof AgentSignInBody>;
export type PageInput = z.output<typeof ThreadPageQuery>;
export type ContactListInput = z.output<typeof ContactListQuery>;
export type ThreadListInput = z.output<typeof ThreadListQuery>;
