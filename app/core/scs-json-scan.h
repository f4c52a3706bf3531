/* scs-json-scan.h — a strict check of JSON text before it is parsed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib 1.6 parses recursively (a file nested tens of thousands deep overflows the
 * stack), keeps the last of two members of the same name, ignores a second document after
 * the first, cuts a text at \u0000, lets an unpaired surrogate escape through as bytes that
 * are not UTF-8, wraps integers that do not fit in 64 bits and accepts comments, single
 * quotes and hex numbers. This scan runs over the bytes first, without recursion and in
 * linear time, and refuses all of that, so what json-glib then sees is plain RFC 8259 JSON
 * that the app writes back the same way.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Far deeper than any engagement or criteria file (they nest about ten levels), far
 * shallower than what json-glib's recursion survives on a worker thread's stack. */
#define SCS_JSON_MAX_DEPTH 128

/* Checks data (size bytes of valid UTF-8) is one strict JSON document. On failure sets an
 * SCS_FORMAT_ERROR whose message starts with the line and column or the JSON path of the
 * fault: SCS_FORMAT_ERROR_SYNTAX for what is not JSON (including anything after the
 * document but blanks), and for JSON the app refuses: _DUPLICATE (a member named twice in
 * one object), _ENCODING (\u0000, an unpaired surrogate escape), _TOO_LARGE (nesting deeper
 * than SCS_JSON_MAX_DEPTH, a number out of range). Callers put their "not valid JSON"
 * sentence before the message of a SYNTAX error. */
gboolean scs_json_scan (const char *data,
                        gsize       size,
                        GError    **error);

G_END_DECLS
