/** Tiny value types shared by every module: ids and the API error type. No beans. */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.fileshare.shared;
