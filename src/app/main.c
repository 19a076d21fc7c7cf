/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hs-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HsApplication) app = NULL;
  const char *localedir = g_getenv ("HINDSIGHT_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Uninstalled (tools/dev run, the tests), the translations come from the
   * build tree's po/ folder, which HINDSIGHT_LOCALEDIR names. */
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = hs_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
