// See global-setup.js: the built teardown is loaded only when it runs.
module.exports = (...args) => require('./dist/global-teardown').default(...args);
