/** The projections of identity, for operator tools (replay); free of Nest so they load light. */
export {
  applicationsProjection,
  APPLICATIONS_COLLECTION,
} from './infrastructure/mongo/applications.projection';
export {
  identitiesProjection,
  IDENTITIES_COLLECTION,
} from './infrastructure/mongo/identities.projection';
export {
  sessionsProjection,
  SESSIONS_COLLECTION,
} from './infrastructure/mongo/sessions.projection';
