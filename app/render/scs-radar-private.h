/* scs-radar-private.h — what the radar's layout and drawing share: text measured and shown
 * in the style's font
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>
#include "scs-radar.h"

G_BEGIN_DECLS

typedef struct {
  double width, height;
} ScsRadarExtent;

/* markup in the style's font, size in the target's units, on one line. */
PangoLayout    *scs_radar_text_layout    (PangoContext        *context,
                                          const ScsRadarStyle *style,
                                          double               size,
                                          const char          *markup);
/* A paragraph wrapped at width (between words, or between characters in Japanese). */
PangoLayout    *scs_radar_wrapped_layout (PangoContext        *context,
                                          const ScsRadarStyle *style,
                                          double               size,
                                          const char          *markup,
                                          double               width);
/* The logical extents, in whole units. */
ScsRadarExtent  scs_radar_layout_extent  (PangoLayout         *layout);

G_END_DECLS
