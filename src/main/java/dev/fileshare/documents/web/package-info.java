/** The endpoints of the documents module: previews of a file's first page. */
@NullMarked
package dev.fileshare.documents.web;

import org.jspecify.annotations.NullMarked;
