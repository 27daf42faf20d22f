package dev.fileshare.cli;

/** {@code java -jar fileshare-cli.jar ...}: runs one command and exits with its status. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.run(args, Context.system()));
  }
}
