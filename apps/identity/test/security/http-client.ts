// The client moved to @threadline/testing, shared with the other services' security suites.
export {
  ANSWER_TIMEOUT_MS,
  rawRequest,
  request,
  type Answer,
  type RequestOptions,
} from '@threadline/testing';
