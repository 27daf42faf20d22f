package dev.fileshare.admin.web;

import dev.fileshare.admin.Totals;

/**
 * What the server holds: accounts (disabled ones too), files (those in the trash too) and the bytes
 * of their content, versions and trash.
 */
record TotalsAnswer(long users, long files, long bytes) {

  static TotalsAnswer of(Totals totals) {
    return new TotalsAnswer(totals.users(), totals.files(), totals.bytes());
  }
}
