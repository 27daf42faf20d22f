/** PDF inspection with Apache PDFBox: the only place the application parses PDF documents. */
@NullMarked
package dev.fileshare.inspection.pdf;

import org.jspecify.annotations.NullMarked;
