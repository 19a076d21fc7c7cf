/* hs-editor.h: a dialog that adds or edits one record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hindsight-core.h"
#include "hs-form-field.h"

G_BEGIN_DECLS

#define HS_TYPE_EDITOR (hs_editor_get_type ())

G_DECLARE_DERIVABLE_TYPE (HsEditor, hs_editor, HS, EDITOR, AdwWindow)

/* Validation of a record as it would be saved, field by field: @validate
 * is one of hs_validate_speaker/source/claim; @repair puts a valid value
 * in the field it is given, so that the next call finds the next problem,
 * and returns FALSE for a field it does not know. */
typedef gboolean (*HsEditorValidateFunc) (gpointer      record,
                                          const char  **field,
                                          GError      **error);
typedef gboolean (*HsEditorRepairFunc)   (gpointer      values,
                                          const char   *field);
typedef gpointer (*HsEditorBuildFunc)    (gpointer      values);

struct _HsEditorClass
{
  AdwWindowClass parent_class;

  /* Puts what is wrong with the form in @problems, with
   * hs_editor_add_problem(); nothing when it can be saved. */
  void   (*check) (HsEditor    *self,
                   GHashTable  *problems);
  /* Saves the record through the store; returns its id. */
  char * (*save)  (HsEditor    *self,
                   GError     **error);

  gpointer padding[4];
};

HsStore  *hs_editor_get_store        (HsEditor    *self);
void      hs_editor_set_store        (HsEditor    *self,
                                      HsStore     *store);
gboolean  hs_editor_is_new           (HsEditor    *self);
void      hs_editor_set_is_new       (HsEditor    *self,
                                      gboolean     is_new);
void      hs_editor_add_field        (HsEditor    *self,
                                      HsFormField *field);
void      hs_editor_remove_field     (HsEditor    *self,
                                      HsFormField *field);
void      hs_editor_watch            (HsEditor    *self,
                                      gpointer     object,
                                      HsFormField *field);
gboolean  hs_editor_is_touched       (HsEditor    *self,
                                      HsFormField *field);
void      hs_editor_set_text         (HsEditor    *self,
                                      GtkWidget   *input,
                                      const char  *text);
char     *hs_editor_get_text         (GtkWidget   *input);
void      hs_editor_changed          (HsEditor    *self);
void      hs_editor_add_problem      (GHashTable  *problems,
                                      const char  *field,
                                      const char  *message);
void      hs_editor_collect_problems (gpointer              values,
                                      HsEditorBuildFunc     build,
                                      HsEditorValidateFunc  validate,
                                      HsEditorRepairFunc    repair,
                                      const char           *prefix,
                                      GHashTable           *problems);
gboolean  hs_editor_parse_date       (const char  *text,
                                      HsDate      *date,
                                      const char  *field,
                                      GHashTable  *problems);
char     *hs_editor_slug             (const char  *text);
char     *hs_editor_unique_id        (HsStore     *store,
                                      const char  *base,
                                      const char  *fallback);
void      hs_editor_check_new_id     (HsEditor    *self,
                                      const char  *id,
                                      GHashTable  *problems);

G_END_DECLS
