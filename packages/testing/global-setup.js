// Jest checks that every project's globalSetup exists even when only unit tests run, before any
// build: this file always exists and loads the built harness only when integration tests start.
module.exports = (...args) => require('./dist/global-setup').default(...args);
