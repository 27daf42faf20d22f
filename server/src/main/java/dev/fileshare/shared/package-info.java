/**
 * Tiny value types shared by every module: ids, the API error type, secrets and SHA-256. No beans.
 */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package dev.fileshare.shared;
