/* hs-chart-export-dialog.c: a chart as PNG, SVG or PDF, or on the clipboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any chart of the window (timeline, scorecard, calibration, due) goes out
 * through here: the person picks a format, a size, a scale for PNG and a
 * theme, then a file; the chart draws itself into it with the same code
 * that draws it on screen. The choices are remembered (GSettings).
 *
 * For tests only: with HINDSIGHT_TEST_EXPORT_DIR set, Export writes
 * DIR/<name>.<format> at once instead of asking for a file, since a file
 * chooser under Xvfb is slow to drive and to tell apart from a failure.
 */

#define G_LOG_DOMAIN "hindsight"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hs-chart-export-dialog.h"
#include "hs-window.h"

struct _HsChartExportDialog
{
  AdwWindow             parent_instance;

  HsChart              *chart;
  char                 *basename;
  GSettings            *settings;
  GtkFileChooserNative *chooser;

  /* Template children */
  GtkToggleButton      *png_button;
  GtkToggleButton      *svg_button;
  GtkToggleButton      *pdf_button;
  GtkSpinButton        *width_spin;
  GtkSpinButton        *height_spin;
  AdwActionRow         *scale_row;
  GtkToggleButton      *scale1_button;
  GtkToggleButton      *scale2_button;
  GtkToggleButton      *light_button;
  GtkToggleButton      *dark_button;
  GtkToggleButton      *contrast_button;
  AdwActionRow         *size_row;
};

G_DEFINE_FINAL_TYPE (HsChartExportDialog, hs_chart_export_dialog, ADW_TYPE_WINDOW)

static const char *
format_extension (HsChartFormat format)
{
  switch (format)
    {
    case HS_CHART_FORMAT_SVG:
      return "svg";
    case HS_CHART_FORMAT_PDF:
      return "pdf";
    case HS_CHART_FORMAT_PNG:
    default:
      return "png";
    }
}

static const char *
theme_name (HsChartTheme theme)
{
  switch (theme)
    {
    case HS_CHART_THEME_DARK:
      return "dark";
    case HS_CHART_THEME_HIGH_CONTRAST:
    case HS_CHART_THEME_HIGH_CONTRAST_DARK:
      return "high-contrast";
    case HS_CHART_THEME_LIGHT:
    default:
      return "light";
    }
}

static HsChartFormat
get_format (HsChartExportDialog *self)
{
  if (gtk_toggle_button_get_active (self->svg_button))
    return HS_CHART_FORMAT_SVG;
  if (gtk_toggle_button_get_active (self->pdf_button))
    return HS_CHART_FORMAT_PDF;
  return HS_CHART_FORMAT_PNG;
}

static HsChartTheme
get_theme (HsChartExportDialog *self)
{
  if (gtk_toggle_button_get_active (self->dark_button))
    return HS_CHART_THEME_DARK;
  if (gtk_toggle_button_get_active (self->contrast_button))
    return HS_CHART_THEME_HIGH_CONTRAST;
  return HS_CHART_THEME_LIGHT;
}

static double
get_scale (HsChartExportDialog *self)
{
  return gtk_toggle_button_get_active (self->scale2_button) ? 2 : 1;
}

static int
get_width (HsChartExportDialog *self)
{
  return gtk_spin_button_get_value_as_int (self->width_spin);
}

static int
get_height (HsChartExportDialog *self)
{
  return gtk_spin_button_get_value_as_int (self->height_spin);
}

/* Says what comes out: pixels for PNG, points for SVG and PDF. */
static void
update_size_row (HsChartExportDialog *self)
{
  HsChartFormat format = get_format (self);
  double scale = format == HS_CHART_FORMAT_PNG ? get_scale (self) : 1;
  g_autofree char *text = NULL;

  if (format == HS_CHART_FORMAT_PNG)
    /* Translators: the size of an exported image, "2400 × 1400 pixels" */
    text = g_strdup_printf (_("%d × %d pixels"), (int) ceil (get_width (self) * scale),
                            (int) ceil (get_height (self) * scale));
  else
    /* Translators: the size of an exported drawing, "1200 × 700 points" */
    text = g_strdup_printf (_("%d × %d points"), get_width (self), get_height (self));
  adw_action_row_set_subtitle (self->size_row, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), format == HS_CHART_FORMAT_PNG);
}

static void
choice_changed_cb (GtkWidget           *widget,
                   GParamSpec          *pspec,
                   HsChartExportDialog *self)
{
  update_size_row (self);
}

static void
spin_changed_cb (GtkSpinButton       *spin,
                 HsChartExportDialog *self)
{
  update_size_row (self);
}

static void
save_settings (HsChartExportDialog *self)
{
  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "export-format", format_extension (get_format (self)));
  g_settings_set_int (self->settings, "export-width", get_width (self));
  g_settings_set_int (self->settings, "export-height", get_height (self));
  g_settings_set_int (self->settings, "export-scale", (int) get_scale (self));
  g_settings_set_string (self->settings, "export-theme", theme_name (get_theme (self)));
  g_settings_apply (self->settings);
}

/* The chart as a file or an image wants all of it, in the theme asked for;
 * on screen it is in the window's theme and a timeline scrolls. The chart
 * is put back as it was, and told so (notify::theme), so that a widget
 * showing it draws it again at its own size. */
typedef struct
{
  HsChartTheme theme;
  gboolean     timeline;
} SavedState;

static SavedState
prepare_chart (HsChart      *chart,
               HsChartTheme  theme)
{
  SavedState saved = { hs_chart_get_theme (chart), HS_IS_TIMELINE_CHART (chart) };

  if (saved.timeline)
    hs_timeline_chart_set_scrollable (HS_TIMELINE_CHART (chart), FALSE);
  hs_chart_set_theme (chart, theme);
  return saved;
}

static void
restore_chart (HsChart    *chart,
               SavedState *saved)
{
  /* A timeline on screen always scrolls (HsTimelineView). */
  if (saved->timeline)
    hs_timeline_chart_set_scrollable (HS_TIMELINE_CHART (chart), TRUE);
  hs_chart_set_theme (chart, saved->theme);
  g_object_notify (G_OBJECT (chart), "theme");
}

static void
toast (GtkWidget  *widget,
       const char *text)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (HS_IS_WINDOW (root))
    hs_window_toast (HS_WINDOW (root), text);
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, NULL);

  /* The body is plain text: the message names files. */
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_to (HsChartExportDialog *self,
           const char          *path)
{
  g_autoptr(GError) error = NULL;
  HsChartFormat format = get_format (self);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  SavedState saved = prepare_chart (self->chart, get_theme (self));
  gint64 started = g_get_monotonic_time ();
  gboolean done;

  done = hs_chart_export (self->chart, format, path, get_width (self), get_height (self),
                          format == HS_CHART_FORMAT_PNG ? get_scale (self) : 1, &error);
  restore_chart (self->chart, &saved);
  g_debug ("Chart exported to %s in %.1f ms", path, (g_get_monotonic_time () - started) / 1000.0);

  if (!done)
    {
      show_error (GTK_WINDOW (self), _("Cannot Export the Chart"), error->message);
      return;
    }

  save_settings (self);
  if (parent != NULL)
    {
      g_autofree char *shown = g_filename_display_name (path);
      g_autofree char *text = g_strdup_printf (_("Exported to %s"), shown);

      toast (GTK_WIDGET (parent), text);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     HsChartExportDialog *self)
{
  g_autoptr(HsChartExportDialog) hold = g_object_ref (self);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message = g_strdup_printf (_("%s is not a local file."), uri);

      show_error (GTK_WINDOW (self), _("Cannot Export the Chart"), message);
      return;
    }
  export_to (self, path);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HsChartExportDialog *self = HS_CHART_EXPORT_DIALOG (widget);
  /* Exporting closes the dialog: it must outlive this function. */
  g_autoptr(HsChartExportDialog) hold = g_object_ref (self);
  HsChartFormat format = get_format (self);
  g_autofree char *name = g_strdup_printf ("%s.%s", self->basename, format_extension (format));
  const char *test_dir = g_getenv ("HINDSIGHT_TEST_EXPORT_DIR");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *pictures = g_get_user_special_dir (G_USER_DIRECTORY_PICTURES);

  if (self->chooser != NULL)
    return;

  if (test_dir != NULL && *test_dir != '\0')
    {
      g_autofree char *path = g_build_filename (test_dir, name, NULL);
      export_to (self, path);
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  if (pictures != NULL && g_file_test (pictures, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (pictures);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }

  switch (format)
    {
    case HS_CHART_FORMAT_SVG:
      gtk_file_filter_set_name (filter, _("SVG drawings"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
      break;
    case HS_CHART_FORMAT_PDF:
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      break;
    case HS_CHART_FORMAT_PNG:
    default:
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      break;
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Draws @chart into an image of @width × @height chart units at @scale. */
static GdkTexture *
render_texture (HsChart *chart,
                int      width,
                int      height,
                double   scale)
{
  int pixel_width = (int) ceil (width * scale);
  int pixel_height = (int) ceil (height * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture = NULL;
  cairo_t *cr;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  hs_chart_draw (chart, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Cairo's ARGB32 is premultiplied native-endian 32-bit words. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * pixel_height);
  texture = gdk_memory_texture_new (pixel_width, pixel_height,
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
                                    GDK_MEMORY_B8G8R8A8_PREMULTIPLIED,
#else
                                    GDK_MEMORY_A8R8G8B8_PREMULTIPLIED,
#endif
                                    bytes, cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

static void
copy_with_theme (GtkWidget    *widget,
                 HsChart      *chart,
                 int           width,
                 int           height,
                 double        scale,
                 HsChartTheme  theme)
{
  g_autoptr(GdkTexture) texture = NULL;
  SavedState saved;

  if (!(width >= HS_CHART_MIN_WIDTH && width <= HS_CHART_MAX_SIDE &&
        height >= HS_CHART_MIN_HEIGHT && height <= HS_CHART_MAX_SIDE && scale >= 0.25 && scale <= 8))
    {
      g_autofree char *message = g_strdup_printf (_("A chart is %d to %d wide and %d to %d high."),
                                                  HS_CHART_MIN_WIDTH, HS_CHART_MAX_SIDE,
                                                  HS_CHART_MIN_HEIGHT, HS_CHART_MAX_SIDE);
      show_error (GTK_WINDOW (gtk_widget_get_root (widget)), _("Cannot Copy the Chart"), message);
      return;
    }

  saved = prepare_chart (chart, theme);
  texture = render_texture (chart, width, height, scale);
  restore_chart (chart, &saved);

  if (texture == NULL)
    {
      show_error (GTK_WINDOW (gtk_widget_get_root (widget)), _("Cannot Copy the Chart"),
                  _("There is not enough memory for an image that large."));
      return;
    }
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  toast (widget, _("Copied"));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HsChartExportDialog *self = HS_CHART_EXPORT_DIALOG (widget);
  g_autoptr(HsChartExportDialog) hold = g_object_ref (self);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  save_settings (self);
  copy_with_theme (parent ? GTK_WIDGET (parent) : widget, self->chart, get_width (self),
                   get_height (self), get_scale (self), get_theme (self));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
load_settings (HsChartExportDialog *self)
{
  g_autofree char *format = g_settings_get_string (self->settings, "export-format");
  g_autofree char *theme = g_settings_get_string (self->settings, "export-theme");

  gtk_toggle_button_set_active (g_str_equal (format, "svg") ? self->svg_button
                                : g_str_equal (format, "pdf") ? self->pdf_button
                                : self->png_button, TRUE);
  gtk_toggle_button_set_active (g_str_equal (theme, "dark") ? self->dark_button
                                : g_str_equal (theme, "high-contrast") ? self->contrast_button
                                : self->light_button, TRUE);
  gtk_toggle_button_set_active (g_settings_get_int (self->settings, "export-scale") >= 2
                                ? self->scale2_button : self->scale1_button, TRUE);
  gtk_spin_button_set_value (self->width_spin, g_settings_get_int (self->settings, "export-width"));
  gtk_spin_button_set_value (self->height_spin, g_settings_get_int (self->settings, "export-height"));
  update_size_row (self);
}

static void
hs_chart_export_dialog_dispose (GObject *object)
{
  HsChartExportDialog *self = (HsChartExportDialog *) object;

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_CHART_EXPORT_DIALOG);
  g_clear_object (&self->chart);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->basename, g_free);

  G_OBJECT_CLASS (hs_chart_export_dialog_parent_class)->dispose (object);
}

static void
hs_chart_export_dialog_class_init (HsChartExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_chart_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/hs-chart-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HsChartExportDialog, png_button);
  gtk_widget_class_bind_template_child (widget_class, HsChartExportDialog, svg_button);
  gtk_widget_class_bind_template_child (widget_class, HsChartExportDialog, pdf_button);
  gtk_widget_class_bind_template_child (widget_class, HsChartExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, HsChartExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, HsChartExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, HsChartExportDialog, scale1_button);
  gtk_widget_class_bind_template_child (widget_class, HsChartExportDialog, scale2_button);
  gtk_widget_class_bind_template_child (widget_class, HsChartExportDialog, light_button);
  gtk_widget_class_bind_template_child (widget_class, HsChartExportDialog, dark_button);
  gtk_widget_class_bind_template_child (widget_class, HsChartExportDialog, contrast_button);
  gtk_widget_class_bind_template_child (widget_class, HsChartExportDialog, size_row);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_changed_cb);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "export.copy", NULL, copy_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hs_chart_export_dialog_init (HsChartExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  load_settings (self);
}

/**
 * hs_chart_export_dialog_present:
 * @parent: the window the chart is in; the dialog is modal to it, and says
 *   "Exported to …" there when it is an HsWindow
 * @chart: what to export; it is drawn again in the theme and size chosen
 *   and then put back (a timeline scrolls on screen, see restore_chart())
 * @suggested_basename: the file's name without extension, "timeline"
 *
 * Asks how to export @chart, then where, and exports it.
 */
void
hs_chart_export_dialog_present (GtkWindow  *parent,
                                HsChart    *chart,
                                const char *suggested_basename)
{
  HsChartExportDialog *self;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (HS_IS_CHART (chart));
  g_return_if_fail (suggested_basename != NULL);

  self = g_object_new (HS_TYPE_CHART_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->chart = g_object_ref (chart);
  self->basename = g_strdup (suggested_basename);
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * hs_chart_copy_image:
 * @widget: a widget of the window, for its clipboard and its toast
 * @chart: what to copy, in the theme it is in now (as on screen)
 * @width: (in chart units): the image's width at 1×
 * @height: (in chart units): its height at 1×
 * @scale: pixels per chart unit, 1 or 2
 *
 * Puts an image of @chart on the clipboard and says "Copied".
 */
void
hs_chart_copy_image (GtkWidget *widget,
                     HsChart   *chart,
                     int        width,
                     int        height,
                     double     scale)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (HS_IS_CHART (chart));

  copy_with_theme (widget, chart, width, height, scale, hs_chart_get_theme (chart));
}
