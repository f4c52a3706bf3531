/* scs-protect.h — engagement files protected by a passphrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A protected file is the engagement's JSON sealed with libsodium: Argon2id turns the
 * passphrase and a random salt into a key, and XChaCha20-Poly1305 secretstream encrypts
 * the JSON in chunks. data/protected-file-format.md describes every byte.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The first bytes of every protected file; no JSON text starts like this. */
#define SCS_PROTECT_MAGIC     "SCSA-PROTECTED"
#define SCS_PROTECT_MAGIC_LEN 14
/* The format this version writes and the newest it reads. */
#define SCS_PROTECT_VERSION   1
/* Fixed header, then chunks of this many plaintext bytes (the last one shorter). */
#define SCS_PROTECT_HEADER_SIZE 133
#define SCS_PROTECT_CHUNK_SIZE  65536

/* A passphrase and the key it gives with one salt and one set of KDF parameters. The key
 * is derived once and kept (in memory libsodium guards and wipes), so that saving again
 * and every recovery copy reuse it instead of running Argon2id each time. Thread-safe:
 * a save or a recovery copy may seal with it in a worker thread. */
typedef struct _ScsProtectKey ScsProtectKey;

/* A key for passphrase (UTF-8, not empty; copied into guarded memory). Nothing is derived
 * yet: the first seal draws a salt and derives, the first open derives with the file's. */
ScsProtectKey *scs_protect_key_new     (const char     *passphrase);
ScsProtectKey *scs_protect_key_ref     (ScsProtectKey  *key);
void           scs_protect_key_unref   (ScsProtectKey  *key);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScsProtectKey, scs_protect_key_unref)

/* Makes sure the key is derived for sealing: a new salt at the write cost when it has
 * none yet, or when it was derived to open a file whose cost (either of passes and
 * memory) is below the write cost; TRUE at once when it is. Runs Argon2id (about a
 * second): call it off the main loop or before showing progress. FALSE when the memory
 * for it cannot be had. */
gboolean       scs_protect_key_prepare (ScsProtectKey  *key,
                                        GError        **error);

/* TRUE when data starts with SCS_PROTECT_MAGIC. */
gboolean       scs_protect_is_sealed   (const guint8   *data,
                                        gsize           size);

/* plain sealed with key: a new stream header each time, the key's salt and parameters
 * (drawn and derived now by scs_protect_key_prepare when the key has none yet, or has
 * them from a file cheaper than the write cost). */
GBytes        *scs_protect_seal        (ScsProtectKey  *key,
                                        GBytes         *plain,
                                        GError        **error);

/* Checks the header of sealed (checksum, then version, then bounds, max_plain the most
 * plaintext it may announce) without deriving anything, so that a file that cannot open
 * is told before a passphrase is asked for. SCS_FORMAT_ERROR_NEWER, _DAMAGED, _TOO_LARGE,
 * _TRUNCATED or _NOT_OURS. */
gboolean       scs_protect_check_header (GBytes        *sealed,
                                         gsize          max_plain,
                                         GError       **error);

/* The plaintext of sealed. key NULL: SCS_FORMAT_ERROR_PASSPHRASE_NEEDED (after the header
 * checks). The key is derived with the file's salt unless it already is, and then keeps
 * that derivation, so sealing with it again needs no Argon2id. Errors: those of
 * scs_protect_check_header, _WRONG_PASSPHRASE (the key check fails), _DAMAGED (a part of
 * the content fails, or bytes follow the end), _TRUNCATED (no final part). max_plain bounds the plaintext length. */
GBytes        *scs_protect_open        (GBytes         *sealed,
                                        ScsProtectKey  *key,
                                        gsize           max_plain,
                                        GError        **error);

/* How many bytes sealing adds to plain_size bytes. */
gsize          scs_protect_overhead    (gsize           plain_size);

G_END_DECLS
