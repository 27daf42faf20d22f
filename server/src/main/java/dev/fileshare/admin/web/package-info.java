/** The administrators' endpoints under {@code /api/admin/}. */
@NullMarked
package dev.fileshare.admin.web;

import org.jspecify.annotations.NullMarked;
