/** PDF inspection with Apache PDFBox: the only place the application parses PDF documents. */
package dev.fileshare.inspection.pdf;
