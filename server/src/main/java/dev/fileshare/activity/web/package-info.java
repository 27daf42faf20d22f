/** The activity feed's endpoint: {@code GET /api/activity/}, paged, filtered by file. */
@org.jspecify.annotations.NullMarked
package dev.fileshare.activity.web;
