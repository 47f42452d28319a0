export { csvField, fileNamePart, toCsv, type CsvCell } from './csv'
export { downloadText } from './download'
