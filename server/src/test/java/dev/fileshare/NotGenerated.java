package dev.fileshare;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * The classes the project's sources make, not those the build generates from them: once the jar is
 * packaged, target/classes also holds the bean definitions prepared ahead of time ({@code
 * Foo__BeanDefinitions}, the registrations that name every module's beans) and their CGLIB classes,
 * whose dependencies are Spring's doing, not a module's.
 */
class NotGenerated implements ImportOption {

  @Override
  public boolean includes(Location location) {
    return !location.contains("__") && !location.contains("$$SpringCGLIB$$");
  }
}
