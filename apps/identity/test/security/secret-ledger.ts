// The ledger moved to @threadline/testing, shared with the gateway's and all services' log scans.
export { SecretLedger, type Leak } from '@threadline/testing';
