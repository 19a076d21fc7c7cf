/* hindsight-core.h: everything the core offers, for the app, CLI and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hs-aggregate.h"
#include "hs-claim.h"
#include "hs-claim-list.h"
#include "hs-csv.h"
#include "hs-date.h"
#include "hs-exporter.h"
#include "hs-horizon.h"
#include "hs-importer.h"
#include "hs-json-reader.h"
#include "hs-json-writer.h"
#include "hs-prediction.h"
#include "hs-query.h"
#include "hs-resolution.h"
#include "hs-scoring.h"
#include "hs-search.h"
#include "hs-source.h"
#include "hs-speaker.h"
#include "hs-store.h"
#include "hs-store-counts.h"
#include "hs-topic.h"
#include "hs-types.h"
#include "hs-validate.h"
#include "hs-words-scale.h"
