export * from './import.ports';
export { ContactImportService, IMPORT_OPTIONS, type ImportOptions } from './contact-import.service';
export { CsvHeaderError } from './csv-columns';
