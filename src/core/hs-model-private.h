/* hs-model-private.h: helpers shared by the model classes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Empty strings and NULL mean the same thing everywhere in the model (a
 * field that is not there), so they are normalised to NULL on the way in. */
gboolean hs_set_str     (char              **field,
                         const char         *value);
gboolean hs_set_strv    (char             ***field,
                         const char * const *value);
gboolean hs_strv_equal0 (const char * const *a,
                         const char * const *b);

G_END_DECLS

/* Every model class has many optional text fields with the same accessor
 * shape; this writes the pair once. The setter notifies only on change. */
#define HS_DEFINE_STRING_ACCESSORS(Type, type, TYPE_CHECK, field, PROP)       \
  const char *                                                                \
  type##_get_##field (Type *self)                                             \
  {                                                                           \
    g_return_val_if_fail (TYPE_CHECK (self), NULL);                           \
    return self->field;                                                       \
  }                                                                           \
                                                                              \
  void                                                                        \
  type##_set_##field (Type       *self,                                       \
                      const char *value)                                      \
  {                                                                           \
    g_return_if_fail (TYPE_CHECK (self));                                     \
    if (hs_set_str (&self->field, value))                                     \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);           \
  }

#define HS_DEFINE_DATE_ACCESSORS(Type, type, TYPE_CHECK, field, PROP)         \
  HsDate                                                                      \
  type##_get_##field (Type *self)                                             \
  {                                                                           \
    g_return_val_if_fail (TYPE_CHECK (self), (HsDate) { 0 });                 \
    return self->field;                                                       \
  }                                                                           \
                                                                              \
  void                                                                        \
  type##_set_##field (Type         *self,                                     \
                      const HsDate *value)                                    \
  {                                                                           \
    HsDate unset = { 0 };                                                     \
                                                                              \
    g_return_if_fail (TYPE_CHECK (self));                                     \
    if (value == NULL)                                                        \
      value = &unset;                                                         \
    if (hs_date_equal (&self->field, value))                                  \
      return;                                                                 \
    self->field = *value;                                                     \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);             \
  }
