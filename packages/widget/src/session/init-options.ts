import { ApiError } from '../shared/api-error';

/** What `HelpCrunch('init', domain, { applicationId, applicationSecret, user })` gave. */
export interface InitConfig {
  organizationDomain: string;
  applicationId: string;
  applicationSecret: string;
  user?: Record<string, unknown>;
}

/**
 * Checks only the shape the widget needs to make the call; the gateway validates every field
 * and its 400 names the one at fault.
 */
export function readInitOptions(organizationDomain: unknown, options: unknown): InitConfig {
  if (typeof organizationDomain !== 'string' || !organizationDomain.trim())
    throw new Error("HelpCrunch('init', '<organization domain>', …) needs the organization domain");
  if (typeof options !== 'object' || options === null)
    throw new Error(
      "HelpCrunch('init', domain, { applicationId, applicationSecret }) needs its options",
    );
  const { applicationId, applicationSecret, user } = options as Record<string, unknown>;
  if (typeof applicationId !== 'string' && typeof applicationId !== 'number')
    throw new Error('init: applicationId is missing');
  if (typeof applicationSecret !== 'string' || !applicationSecret)
    throw new Error('init: applicationSecret is missing');
  if (user !== undefined && user !== null && typeof user !== 'object')
    throw new Error('init: user must be an object');
  return {
    organizationDomain: organizationDomain.trim().toLowerCase(),
    applicationId: String(applicationId).trim(),
    applicationSecret,
    user: (user ?? undefined) as Record<string, unknown> | undefined,
  };
}

export interface InitRefusal {
  status?: number;
  message: string;
  consoleMessage: string;
  /** 403 (S6, S7): show an empty chat that holds nothing of the real user's. 401: no widget. */
  cleanChat: boolean;
  notice?: string;
}

export function initRefusal(error: unknown): InitRefusal {
  if (!(error instanceof ApiError)) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      message,
      cleanChat: false,
      consoleMessage: `init could not reach the chat gateway: ${message}`,
    };
  }
  const { status, message } = error;
  switch (status) {
    case 401:
      return {
        status,
        message,
        cleanChat: false,
        consoleMessage: `init refused (HTTP 401): ${message}. Check the organization domain, applicationId and applicationSecret passed to HelpCrunch('init', …); the widget stays off.`,
      };
    case 403:
      return {
        status,
        message,
        cleanChat: true,
        notice: "We couldn't confirm who you are, so this chat starts empty. Please sign in again.",
        consoleMessage: `init refused (HTTP 403): ${message}. The user's identity was not confirmed (security_hash, user_hash or user_jwt); showing an empty chat.`,
      };
    case 400:
      return {
        status,
        message,
        cleanChat: false,
        consoleMessage: `init rejected (HTTP 400): ${message}`,
      };
    default:
      return {
        status,
        message,
        cleanChat: false,
        consoleMessage: `init failed (HTTP ${status}): ${message}`,
      };
  }
}
