/* scs-test.h — helpers shared by the unit tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "scs-core.h"

G_BEGIN_DECLS

void           scs_test_init         (int         *argc,
                                      char      ***argv);
/* The compiled-in frameworks only: no user directory. */
ScsCatalog    *scs_test_catalog      (void);
/* A file of tests/data. */
char          *scs_test_data_path    (const char  *name);
ScsEngagement *scs_test_load         (ScsCatalog  *catalog,
                                      const char  *path);
char          *scs_test_sha256_file  (const char  *path);
void           scs_test_remove_tree  (const char  *path);

/* One file of a malformed-input folder of tests/data (bad, bad-frameworks, bad-imports). */
typedef struct {
  char *name;
  char *path;
  char *message;   /* what refusing it must say (an English substring) */
} ScsTestCase;

/* The cases the folder's EXPECTED.tsv lists, in its order. */
GPtrArray     *scs_test_read_cases   (const char  *folder);

/* Puts a distinct marker in every field only the expert may see: internal notes, the
 * verdict and comment of criteria marked for follow-up, the four procedures' notes and
 * what was checked, maturity notes, visit notes and the notes of the CSM Guidelines check
 * sheet. Adds
 * follow-up verdicts where the engagement has none. Returns the markers (strings) planted;
 * none of them may appear in anything made for the company. */
GPtrArray     *scs_test_plant_expert_markers (ScsEngagement *engagement);

G_END_DECLS
