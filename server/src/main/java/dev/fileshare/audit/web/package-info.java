/** The audit log on the wire, for administrators. */
@org.jspecify.annotations.NullMarked
package dev.fileshare.audit.web;
