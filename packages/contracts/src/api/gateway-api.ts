import { z } from 'zod';
import { OrganizationDomain, ApplicationId } from '../tenancy';
import { UserProfile } from '../profile';
import { ClientMessageId, ContactId, ThreadMessage } from './conversation-api';
import { CustomAttributeChanges } from './contact-api';

/**
 * The gateway's public API (port 3000), the only edge browsers reach. Widget routes take the
 * device session token from `POST /api/widget/init` as `Authorization: Bearer <token>`; agent
 * routes take the agent token from `POST /api/agent/sign-in` the same way. The contact a widget
 * request concerns always comes from its session, never from the request.
 *
 * Widget:
 *   POST  /api/widget/init        WidgetInitBody        → 200 WidgetSession | 401 (S1) | 403 (S6, S7)
 *   POST  /api/widget/logout                            → 204 (S8)
 *   GET   /api/widget/messages    ?before=&after=&limit= → ThreadPage
 *   POST  /api/widget/messages    WidgetSendMessageBody → 201 SentMessage (200 on a retry)
 *   POST  /api/widget/read        ReadUpToBody          → 204
 *   POST  /api/widget/pre-chat    PreChatFormBody       → 204 (S4, S9b)
 *   PATCH /api/widget/user        UpdateProfileBody     → 204 (S11, `updateUser`)
 *   PATCH /api/widget/user-data   WidgetUserDataBody    → 204 (S11, `updateUserData`)
 * Agent (`:app` is an application of the agent's organization; any other is 404, S17):
 *   POST  /api/agent/sign-in      AgentSignInBody       → 200 AgentSession | 401
 *   GET   /api/agent/applications/:app/contacts ?q=&authenticated=&cursor=&limit= → ContactPage
 *   GET   /api/agent/applications/:app/contacts/:contactId                 → ContactView
 *   PATCH /api/agent/applications/:app/contacts/:contactId/attributes      → 204
 *   GET   /api/agent/applications/:app/contacts/:contactId/messages        → ThreadPage
 *   POST  /api/agent/applications/:app/contacts/:contactId/messages        → 201 SentMessage
 *   POST  /api/agent/applications/:app/contacts/:contactId/read            → 204
 *   POST  /api/agent/applications/:app/imports   (body: the CSV, text/csv) → 202 ImportStatus
 *   GET   /api/agent/applications/:app/imports/:importId                   → ImportStatus
 * WebSocket `/ws`: the first frame is `{ type: 'auth', token }` (widget or agent token); then
 * server frames are `ServerFrame`s and client frames `ClientFrame`s. Errors everywhere are
 * `{ statusCode, error, message }` with `message` naming the field or the reason.
 */

/** What a successful widget init answers; the widget keeps `deviceToken` per browser (S4). */
export const WidgetSession = z.object({
  mode: z.enum(['user', 'visitor']),
  sessionToken: z.string(),
  expiresAt: z.iso.datetime(),
  deviceToken: z.string(),
  applicationId: z.string(),
  contactId: z.string(),
  /** The name on file, or the generated `Adjective Animal (anonym)` one (S5). */
  displayName: z.string(),
  profile: UserProfile,
  /** S4: anonymous visitors who have not filled it in get the form, prefilled from init. */
  preChatForm: z
    .object({ required: z.boolean(), name: z.string().optional(), email: z.string().optional() })
    .optional(),
});
export type WidgetSession = z.infer<typeof WidgetSession>;

export const WidgetSendMessageBody = z.strictObject({
  clientMessageId: ClientMessageId,
  text: z
    .string()
    .max(10_000)
    .refine((text) => text.trim().length > 0, 'must not be empty'),
});
export type WidgetSendMessageBody = z.infer<typeof WidgetSendMessageBody>;

export const ReadUpToBody = z.strictObject({ upTo: z.string().min(1).max(256) });
export type ReadUpToBody = z.infer<typeof ReadUpToBody>;

export const PreChatFormBody = z.strictObject({
  name: z.string().trim().min(1).max(255),
  email: z.email().max(254),
});
export type PreChatFormBody = z.infer<typeof PreChatFormBody>;

/** `HelpCrunch('updateUserData', { key: value })`: null removes a key. */
export const WidgetUserDataBody = CustomAttributeChanges;
export type WidgetUserDataBody = z.infer<typeof WidgetUserDataBody>;

export const AgentSignInBody = z.strictObject({
  organizationDomain: z.string().trim().toLowerCase().pipe(OrganizationDomain),
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
});
export type AgentSignInBody = z.infer<typeof AgentSignInBody>;

export const AgentSession = z.object({
  agentToken: z.string(),
  expiresAt: z.iso.datetime(),
  agent: z.object({
    agentId: z.string(),
    name: z.string(),
    email: z.string(),
    organizationDomain: z.string(),
  }),
  applications: z.array(z.object({ applicationId: z.string(), name: z.string() })),
});
export type AgentSession = z.infer<typeof AgentSession>;

/** Frames the browser sends on `/ws`. */
export const ClientFrame = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('auth'), token: z.string().min(1).max(4096) }),
  /**
   * Catch up after a reconnect: every message after `after` (a message cursor), then live ones.
   * Widgets resume their own thread; agents name the application and contact.
   */
  z.strictObject({
    type: z.literal('resume'),
    after: z.string().min(1).max(256).optional(),
    applicationId: ApplicationId.optional(),
    contactId: ContactId.optional(),
  }),
  z.strictObject({ type: z.literal('ping') }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

/** Frames the gateway sends on `/ws`. */
export const ServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), role: z.enum(['widget', 'agent']) }),
  z.object({
    type: z.literal('message'),
    applicationId: z.string(),
    contactId: z.string(),
    message: ThreadMessage,
  }),
  z.object({ type: z.literal('pong') }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;
