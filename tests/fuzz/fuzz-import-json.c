/* fuzz-import-json.c: the JSON importer, with its round trips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a JSON exchange file; see fuzz-import.h for what must hold.
 */

#define G_LOG_DOMAIN "hindsight-fuzz"

#include "fuzz-import.h"

int fuzz_import_json_one_input (const uint8_t *data,
                                size_t         size);

int
fuzz_import_json_one_input (const uint8_t *data,
                            size_t         size)
{
  return fuzz_import_one_input (data, size, HS_IMPORT_FORMAT_JSON);
}

#ifndef FUZZ_NO_LIBFUZZER_ENTRY
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_import_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return fuzz_import_json_one_input (data, size);
}
#endif
