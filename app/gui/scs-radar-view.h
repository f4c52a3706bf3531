/* scs-radar-view.h — the radar chart as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "scs-radar.h"

G_BEGIN_DECLS

#define SCS_TYPE_RADAR_VIEW (scs_radar_view_get_type ())
G_DECLARE_FINAL_TYPE (ScsRadarView, scs_radar_view, SCS, RADAR_VIEW, GtkWidget)

GtkWidget          *scs_radar_view_new          (void);
/* The view keeps data (NULL: nothing to draw) and redraws. */
void                scs_radar_view_set_data     (ScsRadarView *self,
                                                 ScsRadarData *data);
const ScsRadarData *scs_radar_view_get_data     (ScsRadarView *self);
void                scs_radar_view_set_show_values (ScsRadarView *self,
                                                    gboolean      show_values);
/* Draws with the light palette whatever the desktop's style (for slides on white). */
void                scs_radar_view_set_light    (ScsRadarView *self,
                                                 gboolean      light);
/* Labels of font_size pixels and no text smaller (0: from the chart's size), for slides
 * read from afar. */
void                scs_radar_view_set_font_size (ScsRadarView *self,
                                                  double        font_size);
/* The style the view draws with now: the theme's colours, light or dark, and stronger
 * lines in high contrast. */
void                scs_radar_view_get_style    (ScsRadarView  *self,
                                                 ScsRadarStyle *style);
/* The layout as last drawn (for tests and hit testing), or NULL before the first frame. */
const ScsRadarLayout *scs_radar_view_get_layout (ScsRadarView *self);
/* The axis whose label or spoke end is at x, y, or -1. */
int                 scs_radar_view_axis_at      (ScsRadarView *self,
                                                 double        x,
                                                 double        y);
/* How many times the frame (grid, labels, legend) and a series were drawn anew: a change
 * of one series' values draws that series only. */
void                scs_radar_view_get_draw_counts (ScsRadarView *self,
                                                    guint        *frames,
                                                    guint        *series);

G_END_DECLS
