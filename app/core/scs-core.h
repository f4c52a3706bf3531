/* scs-core.h — everything the views, reports and tools use from the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "scs-autosave.h"
#include "scs-catalog.h"
#include "scs-company-copy.h"
#include "scs-datetime.h"
#include "scs-edition-diff.h"
#include "scs-engagement.h"
#include "scs-error.h"
#include "scs-framework.h"
#include "scs-history.h"
#include "scs-import.h"
#include "scs-locale.h"
#include "scs-lock.h"
#include "scs-protect.h"
#include "scs-record.h"
#include "scs-scoring.h"
#include "scs-storage.h"
