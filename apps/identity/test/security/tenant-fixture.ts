// The tenant helpers moved to @threadline/testing, shared with the gateway's impersonation suite.
export {
  registerApplication,
  registerOrganization,
  token,
  uniqueDomain,
  until,
  widgetAuth,
  type AppCredentials,
} from '@threadline/testing';
