/** fileshare: the application class; every direct sub-package is a module. */
package dev.fileshare;
