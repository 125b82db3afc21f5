module.exports = require('@threadline/testing/jest-preset').packageConfig(__dirname);
