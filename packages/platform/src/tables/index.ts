// Tables as files: CSV (UTF-8 with BOM) and XLSX exports with Chinese headers, safe to open in a spreadsheet.
export {
  attachment,
  CSV_CONTENT_TYPE,
  neutralised,
  tableFile,
  toCsv,
  toXlsx,
  XLSX_CONTENT_TYPE,
  type Cell,
  type Table,
  type TableFile,
} from './table-file.ts';
