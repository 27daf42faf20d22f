/**
 * The audit log: security events (sign-ins and failures, password changes, administrators' actions)
 * with time, actor and client address, for administrators, kept for a retention period.
 */
@org.jspecify.annotations.NullMarked
package dev.fileshare.audit;
