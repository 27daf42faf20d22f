package dev.fileshare.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version from the jar's manifest (the build's version), or "development" when run from
 * classes.
 */
final class Version implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"fileshare " + number()};
  }

  static String number() {
    var version = Version.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
