module.exports = require('../packages/testing/jest-preset').packageConfig(__dirname);
