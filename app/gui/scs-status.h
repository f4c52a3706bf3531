/* scs-status.h — how statuses look: icon, words and style class, never colour alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-core.h"

G_BEGIN_DECLS

typedef struct {
  const char *icon_name;   /* NULL: no icon */
  const char *css_class;   /* "success", "warning", "error", "dim-label" or NULL */
  char       *text;        /* translated, owned */
} ScsStatusLook;

void scs_status_look_clear     (ScsStatusLook *look);
/* The expert's verdict on one criterion. */
void scs_status_look_verdict   (ScsEngagement *engagement,
                                ScsAssessment *assessment,
                                ScsStatusLook *look);
/* The roll-up of a group: “5/8”, coloured by its conformance. */
void scs_status_look_tally     (const ScsTally *tally,
                                ScsStatusLook *look);
/* Shows look on an image and a label, replacing the style classes set before. */
void scs_status_look_apply     (const ScsStatusLook *look,
                                GtkImage      *image,
                                GtkLabel      *label);
/* The company's status in the engagement's framework, translated; "" when unanswered. */
const char *scs_status_company_title (ScsEngagement *engagement,
                                      ScsAssessment *assessment);

/* A line to name node by: its title, or for a criterion (which has none) the first line
 * of its text without the leading bullet. */
char *scs_status_short_title   (ScsNode       *node);

G_END_DECLS
