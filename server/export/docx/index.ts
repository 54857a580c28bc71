/** The DOCX exporter (issue 8): the export model and cover in, a Word file out. */
export { DOCX_AUTHOR, renderDocx, type DocxOptions } from "./docx-document";
