/* scs-engagement-radar.h — an engagement's scores as radar data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "scs-core.h"
#include "scs-radar.h"

G_BEGIN_DECLS

typedef enum {
  SCS_RADAR_EXPERT           = 1 << 0,  /* expert conformance per subcategory */
  SCS_RADAR_COMPANY          = 1 << 1,  /* the company's self-assessed rate */
  SCS_RADAR_MATURITY_CURRENT = 1 << 2,  /* 0–5, scaled to 0..1 */
  SCS_RADAR_MATURITY_TARGET  = 1 << 3,
  SCS_RADAR_BENCHMARK        = 1 << 4,  /* the 2025 peers of the company's size */
  SCS_RADAR_ALL              = 0x1f,
} ScsRadarSeriesSet;

/* One axis per subcategory of the engagement's level (id and title in the user's
 * language), and the series asked for, in the order above, all of them computed by
 * core's scoring over the verdicts count counts. With title TRUE the company and level
 * head the chart. */
ScsRadarData *scs_engagement_radar_new (ScsEngagement    *engagement,
                                        ScsRadarSeriesSet series,
                                        ScsCount          count,
                                        gboolean          title);

/* The maturity record of a subcategory, NULL when it has none. None is made: reports only
 * read, and are also laid out in a worker thread. */
ScsRecord    *scs_engagement_radar_find_maturity (ScsEngagement *engagement,
                                                  const char    *subcategory_id);

G_END_DECLS
