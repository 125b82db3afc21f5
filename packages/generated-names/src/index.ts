export {
  generatedName,
  importedIdentityKey,
  userIdentityKey,
  visitorIdentityKey,
} from './generated-name';
