/* hs-resolve-dialog.c: mark a prediction confirmed, refuted, … or reopen it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog appends one entry to a prediction's history; it never changes
 * or removes an earlier one. What it checks as a person types (the date,
 * the link) is what the store checks again when the entry is added: the
 * date in the store's own words, the link in those of hindsight-cli, so a
 * message seen here is never contradicted later.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>

#include "hs-format.h"
#include "hs-resolve-dialog.h"

/* The choices, in the order the dialog shows them. */
static const HsStatus choice_status[] = {
  HS_STATUS_CONFIRMED,
  HS_STATUS_PARTIAL,
  HS_STATUS_REFUTED,
  HS_STATUS_AMBIGUOUS,
  HS_STATUS_OPEN,
};

#define N_CHOICES G_N_ELEMENTS (choice_status)

struct _HsResolveDialog
{
  AdwWindow       parent_instance;

  HsStore        *store;
  HsClaim        *claim;
  HsDate          on;
  gboolean        date_valid;
  gboolean        link_valid;
  gboolean        shown;

  /* Template children */
  GtkWidget      *cancel_button;
  GtkWidget      *resolve_button;
  GtkLabel       *speaker_label;
  GtkLabel       *text_label;
  GtkLabel       *window_label;
  GtkLabel       *status_label;
  GtkCheckButton *confirmed_check;
  GtkCheckButton *partial_check;
  GtkCheckButton *refuted_check;
  GtkCheckButton *ambiguous_check;
  GtkCheckButton *reopen_check;
  GtkWidget      *reopen_row;
  GtkEntry       *date_entry;
  GtkLabel       *date_message;
  GtkTextView    *note_view;
  GtkEntry       *link_entry;
  GtkLabel       *link_message;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (HsResolveDialog, hs_resolve_dialog, ADW_TYPE_WINDOW)

/* What Undo on the toast needs once the dialog is gone. */
typedef struct
{
  GWeakRef  window;
  HsStore  *store;
  char     *resolution_id;
} Undo;

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *undo = data;

  g_weak_ref_clear (&undo->window);
  g_clear_object (&undo->store);
  g_free (undo->resolution_id);
  g_free (undo);
}

static GtkCheckButton *
choice_check (HsResolveDialog *self,
              guint            i)
{
  GtkCheckButton *checks[] = { self->confirmed_check, self->partial_check, self->refuted_check,
                               self->ambiguous_check, self->reopen_check };

  G_STATIC_ASSERT (G_N_ELEMENTS (checks) == N_CHOICES);
  return checks[i];
}

static int
chosen_status (HsResolveDialog *self)
{
  for (guint i = 0; i < N_CHOICES; i++)
    if (gtk_check_button_get_active (choice_check (self, i)))
      return choice_status[i];
  return -1;
}

/* The core's messages begin in lower case, to be quoted inside others;
 * shown alone they begin a sentence. */
static char *
sentence (const char *message)
{
  gunichar first = g_utf8_get_char (message);
  char buf[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_totitle (first), buf);
  return g_strconcat (buf, g_utf8_next_char (message), NULL);
}

/* Shows @message under a field, as an error when @invalid, else as the
 * field's hint; the field itself says whether it is invalid, for screen
 * readers. */
static void
set_message (GtkWidget  *field,
             GtkLabel   *label,
             const char *message,
             gboolean    invalid)
{
  gtk_label_set_text (label, message);
  if (invalid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
update_resolve (HsResolveDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resolve.resolve",
                                 self->date_valid && self->link_valid && chosen_status (self) >= 0);
}

/* The checks hs_store_add_resolution() makes of the date, made as the
 * person types, in its words. */
static gboolean
check_date (HsResolveDialog  *self,
            const char       *text,
            HsDate           *on,
            GError          **error)
{
  HsDate stated = hs_claim_get_stated_on (self->claim);
  HsDate today = hs_date_today ();
  HsDate first, last, stated_first;
  char on_text[HS_DATE_BUFSIZE], stated_text[HS_DATE_BUFSIZE];

  if (!hs_date_parse (text, on, error))
    return FALSE;

  first = hs_date_first_day (on);
  last = hs_date_last_day (on);
  stated_first = hs_date_first_day (&stated);
  hs_date_to_buffer (on, on_text);
  if (hs_date_compare (&first, &today) > 0)
    {
      g_set_error (error, HS_DATE_ERROR, HS_DATE_ERROR_INVALID,
                   "%s is in the future: a resolution applies from a date that has come", on_text);
      return FALSE;
    }
  if (hs_date_is_set (&stated) && hs_date_compare (&last, &stated_first) < 0)
    {
      g_set_error (error, HS_DATE_ERROR, HS_DATE_ERROR_INVALID,
                   "%s is before the prediction was made (%s)", on_text,
                   hs_date_to_buffer (&stated, stated_text));
      return FALSE;
    }
  return TRUE;
}

static void
date_changed_cb (GtkEditable     *editable,
                 HsResolveDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (editable);
  HsDate on = { 0 };

  if (*text == '\0')
    {
      self->date_valid = FALSE;
      set_message (GTK_WIDGET (editable), self->date_message,
                   _("The date it applies from is needed: today, or an earlier day"), TRUE);
    }
  else if (!check_date (self, text, &on, &error))
    {
      g_autofree char *message = sentence (error->message);

      self->date_valid = FALSE;
      set_message (GTK_WIDGET (editable), self->date_message, message, TRUE);
    }
  else
    {
      self->on = on;
      self->date_valid = TRUE;
      set_message (GTK_WIDGET (editable), self->date_message,
                   _("The day the outcome became known: today, or an earlier day"), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_resolve (self);
}

/* The link as typed, without the spaces a paste often brings around it. */
static char *
dup_link (HsResolveDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->link_entry))));
}

static void
link_changed_cb (GtkEditable     *editable,
                 HsResolveDialog *self)
{
  g_autofree char *text = dup_link (self);

  /* Only web links are kept, because only web links are ever opened. */
  self->link_valid = *text == '\0' || hs_url_is_web (text);
  if (self->link_valid)
    set_message (GTK_WIDGET (editable), self->link_message,
                 _("Optional: a web page (http or https) that shows it"), FALSE);
  else if (g_ascii_strncasecmp (text, "http://", 7) != 0 && g_ascii_strncasecmp (text, "https://", 8) != 0)
    set_message (GTK_WIDGET (editable), self->link_message,
                 _("Not a web link: only http:// and https:// links are kept"), TRUE);
  else
    set_message (GTK_WIDGET (editable), self->link_message,
                 _("Not a whole web address: it needs a host name, and no spaces"), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_resolve (self);
}

static void
choice_toggled_cb (GtkCheckButton  *check,
                   HsResolveDialog *self)
{
  update_resolve (self);
}

static const char *
done_message (HsStatus status)
{
  switch (status)
    {
    case HS_STATUS_CONFIRMED:
      return _("Marked as Confirmed");
    case HS_STATUS_PARTIAL:
      return _("Marked as Partially Confirmed");
    case HS_STATUS_REFUTED:
      return _("Marked as Refuted");
    case HS_STATUS_AMBIGUOUS:
      return _("Marked as Ambiguous");
    case HS_STATUS_OPEN:
    default:
      return _("Reopened");
    }
}

static void
undo_cb (AdwToast *toast,
         Undo     *undo)
{
  g_autoptr(HsWindow) window = g_weak_ref_get (&undo->window);
  g_autoptr(GError) error = NULL;

  if (window == NULL)
    return;
  if (!hs_store_undo_resolution (undo->store, undo->resolution_id, &error))
    {
      g_autofree char *reason = sentence (error->message);
      g_autofree char *message = g_strdup_printf (_("Cannot undo: %s"), reason);

      hs_window_toast (window, message);
      /* The history may have moved on in a way this window has not seen. */
      hs_window_data_changed (window);
      return;
    }
  hs_window_data_changed (window);
}

static char *
dup_note (HsResolveDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HsResolveDialog *self = HS_RESOLVE_DIALOG (widget);
  HsWindow *window = HS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (self)));
  g_autoptr(HsResolution) resolution = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *note = dup_note (self);
  g_autofree char *link = dup_link (self);
  int status = chosen_status (self);
  AdwToast *toast;
  Undo *undo;

  if (status < 0 || !self->date_valid || !self->link_valid)
    return;

  resolution = hs_resolution_new (id, status, &self->on);
  hs_resolution_set_evidence (resolution, note);
  hs_resolution_set_url (resolution, *link != '\0' ? link : NULL);

  if (!hs_store_add_resolution (self->store, hs_claim_get_id (self->claim), resolution, &error))
    {
      g_autofree char *message = sentence (error->message);

      gtk_label_set_text (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  hs_window_data_changed (window);
  toast = hs_window_toast_undo (window, done_message (status));
  undo = g_new0 (Undo, 1);
  g_weak_ref_init (&undo->window, window);
  undo->store = g_object_ref (self->store);
  undo->resolution_id = g_strdup (hs_resolution_get_id (resolution));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_cb), undo, undo_free, 0);

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
hs_resolve_dialog_map (GtkWidget *widget)
{
  HsResolveDialog *self = HS_RESOLVE_DIALOG (widget);

  GTK_WIDGET_CLASS (hs_resolve_dialog_parent_class)->map (widget);
  if (self->shown)
    return;
  self->shown = TRUE;

  /* The first thing to do is to choose the outcome. (Focusing it before
   * the window is shown would make GTK 4.8 expose the window to screen
   * readers as a plain container.) */
  gtk_widget_grab_focus (GTK_WIDGET (self->confirmed_check));
}

static void
hs_resolve_dialog_dispose (GObject *object)
{
  HsResolveDialog *self = (HsResolveDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_RESOLVE_DIALOG);
  g_clear_object (&self->claim);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hs_resolve_dialog_parent_class)->dispose (object);
}

static void
hs_resolve_dialog_class_init (HsResolveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_resolve_dialog_dispose;
  widget_class->map = hs_resolve_dialog_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-resolve-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HsResolveDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HsResolveDialog, resolve_button);
  gtk_widget_class_bind_template_child (widget_class, HsResolveDialog, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, HsResolveDialog, text_label);
  gtk_widget_class_bind_template_child (widget_class, HsResolveDialog, window_label);
  gtk_widget_class_bind_template_child (widget_class, HsResolveDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, HsResolveDialog, confirmed_check);
  gtk_widget_class_bind_template_child (widget_class, HsResolveDialog, partial_check);
  gtk_widget_class_bind_template_child (widget_class, HsResolveDialog, refuted_check);
  gtk_widget_class_bind_template_child (widget_class, HsResolveDialog, ambiguous_check);
  gtk_widget_class_bind_template_child (widget_class, HsResolveDialog, reopen_check);
  gtk_widget_class_bind_template_child (widget_class, HsResolveDialog, reopen_row);
  gtk_widget_class_bind_template_child (widget_class, HsResolveDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, HsResolveDialog, date_message);
  gtk_widget_class_bind_template_child (widget_class, HsResolveDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, HsResolveDialog, link_entry);
  gtk_widget_class_bind_template_child (widget_class, HsResolveDialog, link_message);
  gtk_widget_class_bind_template_child (widget_class, HsResolveDialog, error_label);

  gtk_widget_class_install_action (widget_class, "resolve.resolve", NULL, resolve_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hs_resolve_dialog_init (HsResolveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* GTK 4.8 names a button with a mnemonic by its label as written and
   * again by the label shown ("_Cancel Cancel"); the label shown is
   * enough. */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->cancel_button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->resolve_button), GTK_ACCESSIBLE_PROPERTY_LABEL);

  self->link_valid = TRUE;
  for (guint i = 0; i < N_CHOICES; i++)
    g_signal_connect (choice_check (self, i), "toggled", G_CALLBACK (choice_toggled_cb), self);
  g_signal_connect (self->date_entry, "changed", G_CALLBACK (date_changed_cb), self);
  g_signal_connect (self->link_entry, "changed", G_CALLBACK (link_changed_cb), self);
}

/**
 * hs_resolve_dialog_new:
 * @window: the window whose scorecard holds @claim
 * @claim: a prediction
 *
 * Returns: (transfer floating): the dialog, modal over @window
 */
GtkWidget *
hs_resolve_dialog_new (HsWindow *window,
                       HsClaim  *claim)
{
  HsResolveDialog *self;
  HsPrediction *prediction;
  HsDate today = hs_date_today ();
  char today_text[HS_DATE_BUFSIZE];
  g_autofree char *speaker = NULL;
  g_autofree char *resolves = NULL;
  g_autofree char *window_text = NULL;
  HsStatus status;

  g_return_val_if_fail (HS_IS_WINDOW (window), NULL);
  g_return_val_if_fail (HS_IS_CLAIM (claim) && hs_claim_is_prediction (claim), NULL);

  self = g_object_new (HS_TYPE_RESOLVE_DIALOG,
                       "transient-for", window,
                       "application", gtk_window_get_application (GTK_WINDOW (window)),
                       NULL);
  self->store = g_object_ref (hs_window_get_store (window));
  self->claim = g_object_ref (claim);
  prediction = hs_claim_get_prediction (claim);
  status = hs_prediction_get_status (prediction);

  speaker = hs_format_speaker_name (hs_claim_get_speaker (claim));
  gtk_label_set_text (self->speaker_label, speaker);
  gtk_label_set_text (self->text_label, hs_claim_get_text (claim));
  resolves = hs_format_window (prediction);
  /* Translators: when a prediction resolves, "Resolves: From 1 January 2026 to 31 December 2026" */
  window_text = g_strdup_printf (_("Resolves: %s"), resolves);
  gtk_label_set_text (self->window_label, window_text);
  hs_set_status_badge (self->status_label, status);

  /* Reopening is for a prediction that has a verdict; an open one is
   * already open. */
  gtk_widget_set_sensitive (self->reopen_row, status != HS_STATUS_OPEN);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reopen_check), status != HS_STATUS_OPEN);

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), hs_date_to_buffer (&today, today_text));
  update_resolve (self);

  return GTK_WIDGET (self);
}

/**
 * hs_resolve_dialog_open:
 * @from: a widget in the main window
 * @claim_id: the prediction to resolve
 *
 * Opens the dialog over the window @from is in.
 *
 * Returns: %TRUE when the dialog opened
 */
gboolean
hs_resolve_dialog_open (GtkWidget  *from,
                        const char *claim_id)
{
  GtkRoot *root = gtk_widget_get_root (from);
  g_autoptr(HsClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  HsStore *store;
  GtkWidget *dialog;

  if (!HS_IS_WINDOW (root) || (store = hs_window_get_store (HS_WINDOW (root))) == NULL)
    return FALSE;

  if (!(claim = hs_store_get_claim (store, claim_id, &error)))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot resolve: %s"), error->message);

      hs_window_toast (HS_WINDOW (root), message);
      return FALSE;
    }
  if (!hs_claim_is_prediction (claim))
    return FALSE;

  dialog = hs_resolve_dialog_new (HS_WINDOW (root), claim);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
