export { csvField, toCsv, type CsvCell } from './csv'
export { fileNamePart } from './file-name'
export { downloadText } from './download'
