export {
  AdminApiError,
  AdminUnreachableError,
  DEFAULT_IDENTITY_URL,
  IdentityAdminClient,
} from './identity-admin-client';
