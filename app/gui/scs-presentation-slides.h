/* scs-presentation-slides.h — the presentation's slide builders (private to it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The slides know what they are made from and what they may show, not the window that
 * shows them: the window keeps an ScsSlideSource up to date and asks for a slide's widgets
 * each time it is shown.
 */
#pragma once

#include <adwaita.h>

#include "scs-core.h"
#include "scs-presentation.h"

G_BEGIN_DECLS

typedef struct {
  ScsSlideKind kind;
  ScsNode     *node;     /* the subcategory of a subcategory slide (the framework keeps it) */
} ScsSlide;

typedef struct {
  ScsEngagement        *engagement;    /* what the slides show: in the company's view, its copy */
  ScsFramework         *diagnosis;     /* the five-minute diagnosis checklist (may be NULL) */
  GSettings            *settings;      /* the presentation-* keys */
  gboolean              company_view;
  ScsCompanyCopyOptions copy_options;  /* in the company's view, what the company is given */
  double                font_size;     /* the body text's size in pixels */
} ScsSlideSource;

/* Fills slides (of ScsSlide) with the deck the source gives. */
void       scs_slides_make_deck    (const ScsSlideSource *source,
                                    GArray               *slides);
GtkWidget *scs_slide_build         (const ScsSlideSource *source,
                                    const ScsSlide       *slide);
char      *scs_slide_title         (const ScsSlideSource *source,
                                    const ScsSlide       *slide);
/* The slide's card in the overview; number counts from 1. */
GtkWidget *scs_slide_overview_card (const ScsSlideSource *source,
                                    const ScsSlide       *slide,
                                    guint                 number,
                                    gboolean              current);

G_END_DECLS
