/** fileshare: the application class; every direct sub-package is a module. */
@NullMarked
package dev.fileshare;

import org.jspecify.annotations.NullMarked;
