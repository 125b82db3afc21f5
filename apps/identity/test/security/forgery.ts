// The forgeries moved to @threadline/testing, shared with the gateway's impersonation suite.
export {
  randomHex,
  signSession,
  unsignedJwt,
  userJwt,
  withEditedPayload,
  withFlippedSignature,
  type JwtOptions,
} from '@threadline/testing';
