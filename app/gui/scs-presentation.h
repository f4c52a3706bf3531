/* scs-presentation.h — the engagement as slides, fullscreen on the projector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Slides are made from the engagement each time they are shown, so what the expert edits
 * in the main window during the meeting is on the wall at once. They never show internal
 * notes, nor verdicts still marked for follow-up (nor count them); the company's comments
 * only when the settings say so.
 */
#pragma once

#include <adwaita.h>

#include "scs-core.h"

G_BEGIN_DECLS

/* No text on a slide is smaller, whatever the screen (the README promises it). */
#define SCS_SLIDE_MIN_TEXT_PX 24.0

typedef enum {
  SCS_SLIDE_TITLE,
  SCS_SLIDE_RADAR,
  SCS_SLIDE_READINESS,
  SCS_SLIDE_SUBCATEGORY,
  SCS_SLIDE_COMPARISON,
  SCS_SLIDE_PLAN,
  SCS_SLIDE_MATURITY,
  SCS_SLIDE_DIAGNOSIS,
} ScsSlideKind;

#define SCS_TYPE_PRESENTATION (scs_presentation_get_type ())
G_DECLARE_FINAL_TYPE (ScsPresentation, scs_presentation, SCS, PRESENTATION, AdwWindow)

/* diagnosis: the five-minute diagnosis checklist, for its slide (may be NULL). settings
 * holds the presentation-* keys. */
ScsPresentation *scs_presentation_new          (GtkApplication *application,
                                                ScsEngagement  *engagement,
                                                ScsFramework   *diagnosis,
                                                GSettings      *settings);
/* Shows the company's view from now on: every slide is made from a company copy of the
 * engagement holding what options say (no maturity, verdicts and the plan only when
 * given), made afresh at each edit. Call before scs_presentation_start; called again, the
 * slides show what the new options give, at once. */
void             scs_presentation_set_company_view (ScsPresentation             *self,
                                                    const ScsCompanyCopyOptions *options);
gboolean         scs_presentation_is_company_view  (ScsPresentation             *self);
/* Fullscreen on monitor (NULL: the window's own). */
void             scs_presentation_start        (ScsPresentation *self,
                                                GdkMonitor      *monitor);
guint            scs_presentation_get_n_slides (ScsPresentation *self);
guint            scs_presentation_get_current  (ScsPresentation *self);
ScsSlideKind     scs_presentation_get_kind     (ScsPresentation *self,
                                                guint            index);
void             scs_presentation_go_to        (ScsPresentation *self,
                                                guint            index);
/* What a key does on the wall, through the same table of keys as a key press: each key
 * activates one of the window's actions, presentation.next, .previous, .first, .last,
 * .blank, .overview, .next-monitor, .larger, .smaller, .leave and .type-digit(u). Returns
 * whether the key was taken. */
gboolean         scs_presentation_handle_key   (ScsPresentation *self,
                                                guint            keyval,
                                                GdkModifierType  state);
/* The widget of the slide on show. */
GtkWidget       *scs_presentation_get_slide    (ScsPresentation *self);
gboolean         scs_presentation_is_blank     (ScsPresentation *self);
gboolean         scs_presentation_is_overview  (ScsPresentation *self);
/* Sizes the type for a screen of height lines, as scs_presentation_start() does for its
 * monitor (tests size it without a monitor of that height). */
void             scs_presentation_size_for     (ScsPresentation *self,
                                                int              height);
/* The type size in pixels the slides use now. */
double           scs_presentation_get_font_size (ScsPresentation *self);
/* A monitor other than the one main is on, when there is one; else main's. */
GdkMonitor      *scs_presentation_pick_monitor (GtkWindow       *main);

G_END_DECLS
