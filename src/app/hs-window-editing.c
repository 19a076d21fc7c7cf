/* hs-window-editing.c: the window's actions that add, edit and delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * win.new-speaker, win.new-source and win.new-claim open an empty editor;
 * win.edit-* and win.delete-* take the id of the record. The menus, the
 * buttons of the pages and the keyboard all reach the same actions.
 *
 * A deletion that takes other records with it (a speaker's claims) is
 * confirmed first; every deletion can be undone from its toast, which
 * stores back exactly what was deleted.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "hs-claim-editor.h"
#include "hs-format.h"
#include "hs-source-editor.h"
#include "hs-speaker-editor.h"
#include "hs-window-editing.h"

static const char * const editing_actions[] = {
  "win.new-speaker", "win.new-source", "win.new-claim",
  "win.edit-speaker", "win.edit-source", "win.edit-claim",
  "win.delete-speaker", "win.delete-source", "win.delete-claim",
};

/* What an Undo needs: the deletion's snapshot, and where to show what
 * comes back. The window is held weakly: a toast may outlive it. */
typedef struct
{
  GWeakRef      window;
  GBytes       *snapshot;
  HsObjectKind  kind;
  char         *id;
} Undo;

static void
undo_free (gpointer data,
           GClosure *closure)
{
  Undo *undo = data;

  g_weak_ref_clear (&undo->window);
  g_bytes_unref (undo->snapshot);
  g_free (undo->id);
  g_free (undo);
}

static void
saved_cb (HsEditor   *editor,
          const char *id,
          HsWindow   *self)
{
  HsObjectKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editor), "hs-kind"));

  hs_window_data_changed (self);
  hs_window_show_record (self, kind, id);
  hs_window_toast (self, _("Saved"));
}

static void
present_editor (HsWindow     *self,
                GtkWidget    *editor,
                HsObjectKind  kind)
{
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_set_application (GTK_WINDOW (editor), gtk_window_get_application (GTK_WINDOW (self)));
  g_object_set_data (G_OBJECT (editor), "hs-kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
report_error (HsWindow   *self,
              const char *what,
              GError     *error)
{
  /* Translators: what failed and why, "Could not delete: the database is busy" */
  g_autofree char *text = g_strdup_printf (_("%s: %s"), what, error->message);

  hs_window_toast (self, text);
}

static void
new_speaker_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  HsStore *store = hs_window_get_store (self);

  if (store != NULL)
    present_editor (self, hs_speaker_editor_new (store, NULL), HS_OBJECT_SPEAKER);
}

static void
new_source_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  HsStore *store = hs_window_get_store (self);

  if (store != NULL)
    present_editor (self, hs_source_editor_new (store, NULL), HS_OBJECT_SOURCE);
}

/* A new claim is said by the speaker on view, in the source on view. */
static void
new_claim_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  HsStore *store = hs_window_get_store (self);
  const char *speaker_id = NULL, *source_id = NULL;

  if (store == NULL)
    return;
  hs_window_get_context (self, &speaker_id, &source_id);
  present_editor (self, hs_claim_editor_new (store, NULL, speaker_id, source_id), HS_OBJECT_CLAIM);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  HsStore *store = hs_window_get_store (self);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *editor = NULL;
  HsObjectKind kind;

  if (store == NULL || *id == '\0')
    return;

  if (g_str_equal (action_name, "win.edit-speaker"))
    {
      g_autoptr(HsSpeaker) speaker = hs_store_get_speaker (store, id, &error);

      kind = HS_OBJECT_SPEAKER;
      if (speaker != NULL)
        editor = hs_speaker_editor_new (store, speaker);
    }
  else if (g_str_equal (action_name, "win.edit-source"))
    {
      g_autoptr(HsSource) source = hs_store_get_source (store, id, &error);

      kind = HS_OBJECT_SOURCE;
      if (source != NULL)
        editor = hs_source_editor_new (store, source);
    }
  else
    {
      g_autoptr(HsClaim) claim = hs_store_get_claim (store, id, &error);

      kind = HS_OBJECT_CLAIM;
      if (claim != NULL)
        editor = hs_claim_editor_new (store, claim, NULL, NULL);
    }

  if (editor == NULL)
    {
      report_error (self, _("Cannot edit"), error);
      return;
    }
  present_editor (self, editor, kind);
}

/* How a record is named in a question or a toast: "Tang Jie 唐杰", a
 * source's title, the first words of a claim. */
static char *
describe (HsStore      *store,
          HsObjectKind  kind,
          const char   *id)
{
  switch (kind)
    {
    case HS_OBJECT_SPEAKER:
      {
        g_autoptr(HsSpeaker) speaker = hs_store_get_speaker (store, id, NULL);

        return speaker ? hs_format_speaker_name (speaker) : g_strdup (id);
      }
    case HS_OBJECT_SOURCE:
      {
        g_autoptr(HsSource) source = hs_store_get_source (store, id, NULL);

        return g_strdup_printf ("“%s”", source ? hs_source_get_title (source) : id);
      }
    case HS_OBJECT_CLAIM:
      {
        g_autoptr(HsClaim) claim = hs_store_get_claim (store, id, NULL);
        const char *text = claim ? hs_claim_get_text (claim) : id;

        if (g_utf8_strlen (text, -1) > 60)
          {
            g_autofree char *start = g_utf8_substring (text, 0, 59);

            return g_strdup_printf ("“%s…”", g_strchomp (start));
          }
        return g_strdup_printf ("“%s”", text);
      }
    case HS_OBJECT_NONE:
    case HS_OBJECT_TOPIC:
    case HS_OBJECT_RESOLUTION:
    default:
      return g_strdup (id);
    }
}

static void
undo_cb (AdwToast *toast,
         Undo     *undo)
{
  g_autoptr(HsWindow) self = g_weak_ref_get (&undo->window);
  g_autoptr(GError) error = NULL;
  HsStore *store;

  if (self == NULL || (store = hs_window_get_store (self)) == NULL)
    return;
  if (!hs_store_restore (store, undo->snapshot, &error))
    {
      report_error (self, _("Could not undo"), error);
      return;
    }
  hs_window_data_changed (self);
  hs_window_show_record (self, undo->kind, undo->id);
}

static void
really_delete (HsWindow     *self,
               HsObjectKind  kind,
               const char   *id)
{
  HsStore *store = hs_window_get_store (self);
  g_autofree char *name = describe (store, kind, id);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) snapshot = NULL;
  AdwToast *toast;
  Undo *undo;

  if (!(snapshot = hs_store_delete (store, kind, id, &error)))
    {
      report_error (self, _("Could not delete"), error);
      return;
    }
  hs_window_data_changed (self);

  /* Translators: "Deleted Tang Jie 唐杰" */
  title = g_strdup_printf (_("Deleted %s"), name);
  toast = hs_window_toast (self, title);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* Time to find the button with a keyboard or a screen reader. */
  adw_toast_set_timeout (toast, 10);

  undo = g_new0 (Undo, 1);
  g_weak_ref_init (&undo->window, self);
  undo->snapshot = g_steal_pointer (&snapshot);
  undo->kind = kind;
  undo->id = g_strdup (id);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_cb), undo, undo_free, 0);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     HsWindow         *self)
{
  if (g_strcmp0 (response, "delete") != 0)
    return;
  really_delete (self,
                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "hs-kind")),
                 g_object_get_data (G_OBJECT (dialog), "hs-id"));
}

/* "Delete Tang Jie 唐杰 and 14 claims?", with what goes with them. */
static void
confirm (HsWindow     *self,
         HsObjectKind  kind,
         const char   *id,
         gint64        dependents)
{
  HsStore *store = hs_window_get_store (self);
  g_autofree char *name = describe (store, kind, id);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  switch (kind)
    {
    case HS_OBJECT_SPEAKER:
      /* Translators: "Delete Tang Jie 唐杰 and 14 claims?" */
      heading = g_strdup_printf (ngettext ("Delete %s and %'" PRId64 " claim?",
                                           "Delete %s and %'" PRId64 " claims?", dependents),
                                 name, dependents);
      body = g_strdup (_("Their claims and predictions are deleted with them, resolution histories "
                         "included. You can undo this right after."));
      break;
    case HS_OBJECT_SOURCE:
      /* Translators: "Delete “AGI-Next 2026 panel” and 31 claims?" */
      heading = g_strdup_printf (ngettext ("Delete %s and %'" PRId64 " claim?",
                                           "Delete %s and %'" PRId64 " claims?", dependents),
                                 name, dependents);
      body = g_strdup (_("The claims and predictions made in it are deleted with it, resolution "
                         "histories included. You can undo this right after."));
      break;
    case HS_OBJECT_CLAIM:
    case HS_OBJECT_NONE:
    case HS_OBJECT_TOPIC:
    case HS_OBJECT_RESOLUTION:
    default:
      {
        g_autoptr(HsClaim) claim = hs_store_get_claim (store, id, NULL);
        HsPrediction *prediction = claim ? hs_claim_get_prediction (claim) : NULL;
        guint history = prediction ? g_list_model_get_n_items (hs_prediction_get_resolutions (prediction)) : 0;
        guint links = dependents > history ? (guint) (dependents - history) : 0;
        g_autoptr(GString) text = g_string_new (NULL);

        /* Translators: "Delete “Scaling will continue…”?" */
        heading = g_strdup_printf (_("Delete %s?"), name);
        if (history > 0)
          {
            g_string_append_printf (text, ngettext ("Its resolution history of %u entry goes with it.",
                                                    "Its resolution history of %u entries goes with it.",
                                                    history), history);
            g_string_append_c (text, ' ');
          }
        if (links > 0)
          {
            g_string_append_printf (text, ngettext ("%u other claim links to it and loses that link.",
                                                    "%u other claims link to it and lose those links.",
                                                    links), links);
            g_string_append_c (text, ' ');
          }
        g_string_append (text, _("You can undo this right after."));
        body = g_string_free (g_steal_pointer (&text), FALSE);
      }
      break;
    }

  /* Heading and body are text, not markup: names come from the data. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  gtk_window_set_application (GTK_WINDOW (dialog), gtk_window_get_application (GTK_WINDOW (self)));
  adw_message_dialog_set_heading_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "hs-kind", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (dialog), "hs-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  HsStore *store = hs_window_get_store (self);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  HsObjectKind kind;
  gint64 dependents;

  if (store == NULL || *id == '\0')
    return;

  if (g_str_equal (action_name, "win.delete-speaker"))
    kind = HS_OBJECT_SPEAKER;
  else if (g_str_equal (action_name, "win.delete-source"))
    kind = HS_OBJECT_SOURCE;
  else
    kind = HS_OBJECT_CLAIM;

  if ((dependents = hs_store_count_dependents (store, kind, id, &error)) < 0)
    {
      report_error (self, _("Could not delete"), error);
      return;
    }
  /* Nothing else goes with it: deleted at once, and undone from the toast. */
  if (dependents == 0)
    really_delete (self, kind, id);
  else
    confirm (self, kind, id, dependents);
}

void
hs_window_editing_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-speaker", NULL, new_speaker_action);
  gtk_widget_class_install_action (widget_class, "win.new-source", NULL, new_source_action);
  gtk_widget_class_install_action (widget_class, "win.new-claim", NULL, new_claim_action);
  gtk_widget_class_install_action (widget_class, "win.edit-speaker", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "win.edit-source", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "win.edit-claim", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "win.delete-speaker", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "win.delete-source", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "win.delete-claim", "s", delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-claim", NULL);
}

/* Editing needs a scorecard that can be written. */
void
hs_window_editing_update_actions (HsWindow *self)
{
  HsStore *store = hs_window_get_store (self);
  gboolean writable = store != NULL && !hs_store_is_read_only (store);

  for (guint i = 0; i < G_N_ELEMENTS (editing_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), editing_actions[i], writable);
}
