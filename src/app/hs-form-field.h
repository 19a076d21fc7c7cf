/* hs-form-field.h: one field of a form, with its label and what is wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HS_TYPE_FORM_FIELD (hs_form_field_get_type ())

G_DECLARE_FINAL_TYPE (HsFormField, hs_form_field, HS, FORM_FIELD, GtkWidget)

GtkWidget  *hs_form_field_new        (const char  *title,
                                      const char  *field,
                                      GtkWidget   *child);
const char *hs_form_field_get_field  (HsFormField *self);
void        hs_form_field_set_field  (HsFormField *self,
                                      const char  *field);
GtkWidget  *hs_form_field_get_child  (HsFormField *self);
void        hs_form_field_set_child  (HsFormField *self,
                                      GtkWidget   *child);
GtkWidget  *hs_form_field_get_input  (HsFormField *self);
const char *hs_form_field_get_error  (HsFormField *self);
void        hs_form_field_set_error  (HsFormField *self,
                                      const char  *message);
const char *hs_form_field_get_hint   (HsFormField *self);
void        hs_form_field_set_hint   (HsFormField *self,
                                      const char  *hint);

G_END_DECLS
