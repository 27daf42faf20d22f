/** Reading every stored blob back and comparing it with its recorded SHA-256: bitrot found. */
@org.jspecify.annotations.NullMarked
package dev.fileshare.files.verify;
