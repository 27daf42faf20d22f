package dev.fileshare.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version from the jar's manifest (the build's version), or "development" when run from
 * classes.
 */
final class Version implements IVersionProvider {

  @Override
  public String[] getVersion() {
    var version = Version.class.getPackage().getImplementationVersion();
    return new String[] {"fileshare " + (version == null ? "development" : version)};
  }
}
