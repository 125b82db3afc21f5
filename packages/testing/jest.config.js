module.exports = require('./jest-preset').packageConfig(__dirname);
