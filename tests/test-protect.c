/* test-protect.c — passphrase-protected engagement files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* memmem */
#define _GNU_SOURCE

#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "scs-core.h"
#include "scs-protect-private.h"
#include "scs-storage-private.h"
#include "scs-test.h"

#define PASSPHRASE "correct horse battery staple 馬"
/* Header offsets of data/protected-file-format.md, version 1. */
#define OFF_VERSION   14
#define OFF_KDF       15
#define OFF_OPSLIMIT  16
#define OFF_MEMLIMIT  24
#define OFF_SALT      32
#define OFF_CHUNK     48
#define OFF_LENGTH    52
#define OFF_STREAM    60
#define OFF_KEYCHECK  84
#define OFF_CHECKSUM  101

static ScsCatalog *catalog;
static char *tmpdir;

/* The bundled example: about 140 KB of JSON, so three parts of 64 KiB. */
static ScsEngagement *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SCS_SOURCE_ROOT"), "data", "samples",
                                            "example-aaa.scsa", NULL);

  return scs_test_load (catalog, path);
}

static GBytes *
seal_example (GBytes **json_out)
{
  g_autoptr(ScsEngagement) e = load_example ();
  g_autoptr(GBytes) json = scs_storage_serialize (e);
  g_autoptr(ScsProtectKey) key = scs_protect_key_new (PASSPHRASE);
  g_autoptr(GError) error = NULL;
  GBytes *sealed;

  g_assert_true (scs_storage_verify (catalog, json, &error));
  sealed = scs_storage_protect (json, key, &error);
  g_assert_no_error (error);
  if (json_out != NULL)
    *json_out = g_bytes_ref (json);
  return sealed;
}

static void
put_u64 (guint8 *p,
         guint64 v)
{
  for (int i = 0; i < 8; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

static guint64
get_u64 (const guint8 *p)
{
  guint64 v = 0;

  for (int i = 7; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

static void
fix_checksum (guint8 *data)
{
  crypto_generichash (data + OFF_CHECKSUM, 32, data, OFF_CHECKSUM, NULL, 0);
}

/* Opens data with the right passphrase and returns the error (NULL when it opened). */
static GError *
open_error (const guint8 *data,
            gsize         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(ScsProtectKey) key = scs_protect_key_new (PASSPHRASE);
  g_autoptr(ScsEngagement) e = NULL;
  GError *error = NULL;

  e = scs_storage_open_bytes (catalog, bytes, SCS_LOAD_DEFAULT, key, NULL, &error);
  g_assert_true ((e == NULL) == (error != NULL));
  return error;
}

static void
assert_refused (const guint8 *data,
                gsize         size,
                int           code,
                const char   *message)
{
  g_autoptr(GError) error = open_error (data, size);

  g_assert_error (error, SCS_FORMAT_ERROR, code);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message);
}

/* With the default (MODERATE) cost, as a user's file: saved, read back with the right
 * passphrase, it gives the very JSON bytes it was made from; the header records the cost. */
static void
test_round_trip (void)
{
  g_autoptr(ScsEngagement) e = load_example ();
  g_autoptr(GBytes) json = scs_storage_serialize (e);
  g_autoptr(ScsProtectKey) key = scs_protect_key_new (PASSPHRASE);
  g_autoptr(ScsProtectKey) key2 = scs_protect_key_new (PASSPHRASE);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "round.scsa", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) resealed = NULL;
  g_autoptr(ScsEngagement) back = NULL;
  g_autoptr(ScsEditionReport) report = NULL;
  g_autofree char *contents = NULL;
  const guint8 *data;
  gsize size;

  scs_protect_set_kdf_limits (0, 0);
  sealed = scs_storage_protect (json, key, &error);
  g_assert_no_error (error);
  g_assert_true (scs_storage_write (sealed, file, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  data = (const guint8 *) contents;
  g_assert_cmpmem (data, 14, "SCSA-PROTECTED", 14);
  g_assert_cmpint (data[OFF_VERSION], ==, 1);
  g_assert_cmpint (data[OFF_KDF], ==, 1);
  g_assert_cmpuint (get_u64 (data + OFF_OPSLIMIT), ==, crypto_pwhash_OPSLIMIT_MODERATE);
  g_assert_cmpuint (get_u64 (data + OFF_MEMLIMIT), ==, crypto_pwhash_MEMLIMIT_MODERATE);
  g_assert_cmpuint (get_u64 (data + OFF_LENGTH), ==, g_bytes_get_size (json));
  g_assert_cmpuint (size, ==, g_bytes_get_size (json) + scs_protect_overhead (g_bytes_get_size (json)));
  /* Nothing of the JSON shows. */
  g_assert_null (memmem (data, size, "\"format\"", 8));
  g_assert_null (memmem (data, size, "AAA", 3));

  back = scs_storage_load_full (catalog, file, SCS_LOAD_DEFAULT, key2, &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  again = scs_storage_serialize (back);
  g_assert_true (g_bytes_equal (json, again));

  /* The key now holds the file's derivation: sealing again reuses salt and cost, with a
   * new stream header, and opens with a third key. */
  resealed = scs_storage_protect (again, key2, &error);
  g_assert_no_error (error);
  g_assert_cmpmem ((const guint8 *) g_bytes_get_data (resealed, NULL) + OFF_SALT, 16,
                   data + OFF_SALT, 16);
  g_assert_true (memcmp ((const guint8 *) g_bytes_get_data (resealed, NULL) + OFF_STREAM,
                         data + OFF_STREAM, 24) != 0);
  {
    g_autoptr(ScsProtectKey) key3 = scs_protect_key_new (PASSPHRASE);
    g_autoptr(GBytes) plain = scs_protect_open (resealed, key3, SCS_STORAGE_MAX_SIZE, &error);

    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (plain, json));
  }
}

/* A file sealed below the write cost (here Argon2id's minimum) is not kept that cheap: the
 * key that opened it is derived again, once, with a new salt at the write cost before it
 * seals anything, and what it seals opens with the passphrase. A file at or above the
 * write cost keeps its salt and cost (test_round_trip). */
static void
test_reseal_raises_cost (void)
{
  /* Above the minimum, and still quick enough for a test. */
  const guint64 ops = crypto_pwhash_OPSLIMIT_MIN + 1;
  const gsize mem = 1024 * 1024;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GBytes) cheap = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScsProtectKey) key = scs_protect_key_new (PASSPHRASE);
  g_autoptr(ScsProtectKey) key3 = scs_protect_key_new (PASSPHRASE);
  const guint8 *c, *f, *s2;

  scs_protect_set_kdf_limits (crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
  cheap = seal_example (&json);
  c = g_bytes_get_data (cheap, NULL);
  g_assert_cmpuint (get_u64 (c + OFF_OPSLIMIT), ==, crypto_pwhash_OPSLIMIT_MIN);
  g_assert_cmpuint (get_u64 (c + OFF_MEMLIMIT), ==, crypto_pwhash_MEMLIMIT_MIN);

  scs_protect_set_kdf_limits (ops, mem);
  plain = scs_protect_open (cheap, key, SCS_STORAGE_MAX_SIZE, &error);
  g_assert_no_error (error);
  g_clear_pointer (&plain, g_bytes_unref);

  first = scs_storage_protect (json, key, &error);
  g_assert_no_error (error);
  f = g_bytes_get_data (first, NULL);
  g_assert_cmpuint (get_u64 (f + OFF_OPSLIMIT), ==, ops);
  g_assert_cmpuint (get_u64 (f + OFF_MEMLIMIT), ==, mem);
  g_assert_true (memcmp (f + OFF_SALT, c + OFF_SALT, 16) != 0);

  /* Once: the next seal reuses the new derivation. */
  second = scs_storage_protect (json, key, &error);
  g_assert_no_error (error);
  s2 = g_bytes_get_data (second, NULL);
  g_assert_cmpmem (s2 + OFF_OPSLIMIT, OFF_CHUNK - OFF_OPSLIMIT, f + OFF_OPSLIMIT,
                   OFF_CHUNK - OFF_OPSLIMIT);

  plain = scs_protect_open (first, key3, SCS_STORAGE_MAX_SIZE, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (plain, json));
  g_clear_pointer (&plain, g_bytes_unref);

  /* Only one of the two below the write cost is enough. */
  scs_protect_set_kdf_limits (ops, crypto_pwhash_MEMLIMIT_MIN);
  {
    g_autoptr(ScsProtectKey) k = scs_protect_key_new (PASSPHRASE);
    g_autoptr(GBytes) again = NULL;

    plain = scs_protect_open (cheap, k, SCS_STORAGE_MAX_SIZE, &error);
    g_assert_no_error (error);
    again = scs_storage_protect (json, k, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (get_u64 ((const guint8 *) g_bytes_get_data (again, NULL) + OFF_OPSLIMIT),
                      ==, ops);
    g_assert_true (memcmp ((const guint8 *) g_bytes_get_data (again, NULL) + OFF_SALT,
                           c + OFF_SALT, 16) != 0);
  }
  scs_protect_set_kdf_limits (0, 0);
}

/* The functions without a passphrase, and a wrong one: refused, each with its message,
 * and the file is as it was. */
static void
test_passphrase_needed_and_wrong (void)
{
  g_autoptr(GBytes) sealed = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "wrong.scsa", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ScsProtectKey) wrong = scs_protect_key_new (PASSPHRASE "!");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  scs_protect_set_kdf_limits (crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
  sealed = seal_example (NULL);
  g_assert_true (scs_storage_write (sealed, file, &error));
  before = scs_test_sha256_file (path);

  g_assert_null (scs_storage_load (catalog, file, NULL, &error));
  g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_PASSPHRASE_NEEDED);
  g_assert_nonnull (strstr (error->message, "protected by a passphrase"));
  g_clear_error (&error);
  g_assert_null (scs_storage_load_bytes (catalog, sealed, NULL, &error));
  g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_PASSPHRASE_NEEDED);
  g_clear_error (&error);
  g_assert_false (scs_storage_verify (catalog, sealed, &error));
  g_clear_error (&error);

  g_assert_null (scs_storage_load_full (catalog, file, SCS_LOAD_DEFAULT, wrong, NULL, &error));
  g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_WRONG_PASSPHRASE);
  g_assert_nonnull (strstr (error->message, "passphrase is wrong"));

  after = scs_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);
  scs_protect_set_kdf_limits (0, 0);
}

/* Every bit of every byte of the header flipped, one at a time: refused with the message for its place, no
 * crash. A forged header with its checksum made again: the key check refuses it. */
static void
test_header_flips (void)
{
  g_autoptr(GBytes) sealed = NULL;
  g_autofree guint8 *copy = NULL;
  gsize size;

  scs_protect_set_kdf_limits (crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
  sealed = seal_example (NULL);
  size = g_bytes_get_size (sealed);
  copy = g_memdup2 (g_bytes_get_data (sealed, NULL), size);
  {
    g_autoptr(GError) error = open_error (copy, size);

    g_assert_no_error (error);
  }

  for (gsize i = 0; i < SCS_PROTECT_HEADER_SIZE; i++)
    for (guint bit = 0; bit < 8; bit++)
      {
        g_autoptr(GError) error = NULL;

        copy[i] ^= 1u << bit;
        error = open_error (copy, size);
        if (i < 14)
          /* No longer our magic: read as a plain file, which it is not. */
          g_assert_true (error != NULL && error->domain == SCS_FORMAT_ERROR &&
                         (error->code == SCS_FORMAT_ERROR_ENCODING ||
                          error->code == SCS_FORMAT_ERROR_SYNTAX));
        else
          {
            /* The version byte too: damaged, never "newer". */
            if (!g_error_matches (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_DAMAGED) ||
                strstr (error->message, "checksum") == NULL)
              g_error ("byte %" G_GSIZE_FORMAT " bit %u flipped: %s", i, bit,
                       error != NULL ? error->message : "opened");
          }
        copy[i] ^= 1u << bit;
      }

  /* Forged fields with a fresh checksum. */
  {
    const gsize forged[] = { OFF_MEMLIMIT + 1, OFF_SALT, OFF_SALT + 15, OFF_CHUNK + 1, OFF_LENGTH,
                             OFF_STREAM, OFF_STREAM + 23, OFF_KEYCHECK, OFF_KEYCHECK + 16 };

    for (guint k = 0; k < G_N_ELEMENTS (forged); k++)
      {
        g_autofree guint8 *f = g_memdup2 (copy, size);

        f[forged[k]] ^= 0x01;
        fix_checksum (f);
        assert_refused (f, size, SCS_FORMAT_ERROR_WRONG_PASSPHRASE, "passphrase is wrong");
      }
  }
  scs_protect_set_kdf_limits (0, 0);
}

/* A byte flipped in each part of the content: damaged, and where. */
static void
test_chunk_flips (void)
{
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autofree guint8 *copy = NULL;
  gsize size, n_chunks;

  scs_protect_set_kdf_limits (crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
  sealed = seal_example (&json);
  size = g_bytes_get_size (sealed);
  copy = g_memdup2 (g_bytes_get_data (sealed, NULL), size);
  n_chunks = (g_bytes_get_size (json) + SCS_PROTECT_CHUNK_SIZE - 1) / SCS_PROTECT_CHUNK_SIZE;
  g_assert_cmpuint (n_chunks, >=, 3);

  for (gsize c = 0; c < n_chunks; c++)
    {
      gsize start = SCS_PROTECT_HEADER_SIZE + c * (SCS_PROTECT_CHUNK_SIZE + 17);
      gsize end = MIN (start + SCS_PROTECT_CHUNK_SIZE + 17, size);
      /* First byte (the tag), one inside, the last (the MAC). */
      const gsize at[] = { start, start + (end - start) / 2, end - 1 };

      for (guint k = 0; k < G_N_ELEMENTS (at); k++)
        {
          g_autofree char *where = g_strdup_printf ("at byte %" G_GSIZE_FORMAT, start);

          copy[at[k]] ^= 0x20;
          assert_refused (copy, size, SCS_FORMAT_ERROR_DAMAGED, where);
          copy[at[k]] ^= 0x20;
        }
    }
  scs_protect_set_kdf_limits (0, 0);
}

/* Cut short at several points: the header, the key check, inside and between parts, one
 * byte short; and bytes appended. */
static void
test_truncation_and_appended (void)
{
  g_autoptr(GBytes) sealed = NULL;
  const guint8 *data;
  gsize size;

  scs_protect_set_kdf_limits (crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
  sealed = seal_example (NULL);
  data = g_bytes_get_data (sealed, &size);

  {
    const gsize cuts[] = { 15, 40, OFF_KEYCHECK + 5, SCS_PROTECT_HEADER_SIZE - 1 };

    for (guint k = 0; k < G_N_ELEMENTS (cuts); k++)
      assert_refused (data, cuts[k], SCS_FORMAT_ERROR_TRUNCATED, "ends inside its header");
  }
  {
    const gsize cuts[] = { SCS_PROTECT_HEADER_SIZE, SCS_PROTECT_HEADER_SIZE + 1000,
                           SCS_PROTECT_HEADER_SIZE + SCS_PROTECT_CHUNK_SIZE + 17,
                           SCS_PROTECT_HEADER_SIZE + 2 * (SCS_PROTECT_CHUNK_SIZE + 17) + 3,
                           size - 17, size - 1 };

    for (guint k = 0; k < G_N_ELEMENTS (cuts); k++)
      assert_refused (data, cuts[k], SCS_FORMAT_ERROR_TRUNCATED, "cut short");
  }
  {
    g_autofree guint8 *longer = g_malloc (size + 100);

    memcpy (longer, data, size);
    memset (longer + size, 'x', 100);
    assert_refused (longer, size + 1, SCS_FORMAT_ERROR_DAMAGED, "1 bytes follow its end");
    assert_refused (longer, size + 100, SCS_FORMAT_ERROR_DAMAGED, "100 bytes follow its end");
  }
  /* The untouched bytes still open: the refusals above are the cuts'. */
  {
    g_autoptr(ScsProtectKey) key = scs_protect_key_new (PASSPHRASE);
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) plain = scs_protect_open (sealed, key, SCS_STORAGE_MAX_SIZE, &error);

    g_assert_no_error (error);
    g_assert_nonnull (plain);
  }
  scs_protect_set_kdf_limits (0, 0);
}

/* A header asking for 4 GiB or a thousand passes is refused at once, before Argon2id
 * (which would take minutes or fail for memory, with another message). */
static void
test_oversize_kdf (void)
{
  g_autoptr(GBytes) sealed = NULL;
  g_autofree guint8 *copy = NULL;
  gsize size;
  gint64 start;

  scs_protect_set_kdf_limits (crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
  sealed = seal_example (NULL);
  size = g_bytes_get_size (sealed);
  copy = g_memdup2 (g_bytes_get_data (sealed, NULL), size);

  put_u64 (copy + OFF_MEMLIMIT, G_GUINT64_CONSTANT (4) << 30);
  fix_checksum (copy);
  start = g_get_monotonic_time ();
  assert_refused (copy, size, SCS_FORMAT_ERROR_DAMAGED, "than this app allows");
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);

  put_u64 (copy + OFF_MEMLIMIT, crypto_pwhash_MEMLIMIT_MIN);
  put_u64 (copy + OFF_OPSLIMIT, 1000);
  fix_checksum (copy);
  start = g_get_monotonic_time ();
  assert_refused (copy, size, SCS_FORMAT_ERROR_DAMAGED, "than this app allows");
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);

  /* Even without a passphrase: the header is judged first. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new (copy, size);
    g_autoptr(GError) error = NULL;

    g_assert_null (scs_storage_load_bytes (catalog, bytes, NULL, &error));
    g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_DAMAGED);
  }
  scs_protect_set_kdf_limits (0, 0);
}

/* A newer protection format is refused as newer, without a passphrase too, and the app's
 * write path never replaces it: the window opens nothing of it to save. */
static void
test_newer_version (void)
{
  g_autoptr(GBytes) sealed = NULL;
  g_autofree guint8 *copy = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "newer.scsa", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ScsProtectKey) key = scs_protect_key_new (PASSPHRASE);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize size;

  scs_protect_set_kdf_limits (crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
  sealed = seal_example (NULL);
  size = g_bytes_get_size (sealed);
  copy = g_memdup2 (g_bytes_get_data (sealed, NULL), size);
  /* As a later version writes it: its checksum still where version 1 has it. */
  copy[OFF_VERSION] = 2;
  fix_checksum (copy);
  g_assert_true (g_file_set_contents (path, (const char *) copy, size, NULL));
  before = scs_test_sha256_file (path);

  g_assert_null (scs_storage_load (catalog, file, NULL, &error));
  g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_clear_error (&error);
  /* Read-only opening of newer JSON does not reach into a newer protection. */
  g_assert_null (scs_storage_load_full (catalog, file, SCS_LOAD_ALLOW_NEWER, key, NULL, &error));
  g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_NEWER);

  after = scs_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);
  scs_protect_set_kdf_limits (0, 0);
}

/* A header announcing more JSON than an engagement may hold, up to 2^64 - 1 bytes, is
 * refused as too large by the check made before the passphrase is asked for (no
 * arithmetic wraps round into a small, acceptable size). */
static void
test_huge_length (void)
{
  const guint64 lengths[] = { SCS_STORAGE_MAX_SIZE + G_GUINT64_CONSTANT (1),
                              G_MAXUINT64 - SCS_PROTECT_HEADER_SIZE - 16, G_MAXUINT64 - 1,
                              G_MAXUINT64 };
  g_autoptr(GBytes) sealed = NULL;
  g_autofree guint8 *copy = NULL;
  gsize size;

  scs_protect_set_kdf_limits (crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
  sealed = seal_example (NULL);
  size = g_bytes_get_size (sealed);
  copy = g_memdup2 (g_bytes_get_data (sealed, NULL), size);
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (scs_storage_check_protected (sealed, &error));
    g_assert_no_error (error);
  }
  for (guint k = 0; k < G_N_ELEMENTS (lengths); k++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      put_u64 (copy + OFF_LENGTH, lengths[k]);
      fix_checksum (copy);
      bytes = g_bytes_new (copy, size);
      g_assert_false (scs_storage_check_protected (bytes, &error));
      g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE);
      g_clear_error (&error);
      assert_refused (copy, size, SCS_FORMAT_ERROR_TOO_LARGE, "the limit is 64 MB");
    }
  scs_protect_set_kdf_limits (0, 0);
}

/* The 64 MB limit is the JSON's: sealing refuses more, as saving plain JSON does. */
static void
test_limit_is_the_json (void)
{
  g_autoptr(GBytes) json = NULL;
  g_autoptr(ScsProtectKey) key = scs_protect_key_new (PASSPHRASE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) plain = NULL;

  scs_protect_set_kdf_limits (crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
  sealed = seal_example (&json);
  scs_storage_set_max_size (g_bytes_get_size (json) - 1);
  g_assert_null (scs_storage_protect (json, key, &error));
  g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_null (scs_storage_open_bytes (catalog, sealed, SCS_LOAD_DEFAULT, key, NULL, &error));
  g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE);
  g_clear_error (&error);
  scs_storage_set_max_size (g_bytes_get_size (json));
  plain = scs_protect_open (sealed, key, g_bytes_get_size (json), &error);
  g_assert_no_error (error);
  scs_storage_set_max_size (0);
  scs_protect_set_kdf_limits (0, 0);
}

static void
assert_absent (const char *data,
               gsize       size,
               const char *what,
               const char *where)
{
  if (memmem (data, size, what, strlen (what)) != NULL)
    g_error ("%s holds “%s”", where, what);
}

/* The recovery copy of a protected engagement, written by the timer's worker and by the
 * signal path (write_now), is sealed with the engagement's key: no marker of an
 * expert-only field, no JSON member name, not even the company's name in its key file, nor
 * the name of its file (named after the company), which is sealed there too. It is listed
 * as protected without being opened, and opens, with its file's name, with the
 * passphrase only. */
static void
test_recovery_copy_sealed (void)
{
  const char *marker;
  static const char * const members[] = {
    "\"format\"", "\"schema_version\"", "\"assessments\"", "\"internal_note\"",
    "\"company\"", "scs-assessor-engagement", "\"verdict\"", NULL,
  };
  g_autoptr(ScsEngagement) e = load_example ();
  g_autoptr(ScsProtectKey) key = scs_protect_key_new (PASSPHRASE);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (tmpdir, "recovery", NULL);
  g_autoptr(ScsAutosave) autosave = NULL;
  g_autoptr(GPtrArray) markers = NULL;
  g_autofree char *origin_path = NULL;
  g_autofree char *origin_uri = NULL;
  g_autofree char *origin_name = NULL;
  g_autoptr(GFile) origin = NULL;
  const char *company;
  ScsAssessment *a;

  scs_protect_set_kdf_limits (crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
  company = scs_record_get_string (scs_record_get_object (SCS_RECORD (e), SCS_M_ENGAGEMENT_COMPANY), SCS_M_COMPANY_NAME);
  g_assert_cmpstr (company, !=, "");
  {
    g_autoptr(ScsRecord) first = g_list_model_get_item (scs_engagement_get_assessments (e), 0);

    a = scs_engagement_ensure_assessment (e, scs_record_get_string (first, SCS_M_ASSESSMENT_CRITERION));
  }
  /* Every expert-only field marked, as the other canary tests do. */
  markers = scs_test_plant_expert_markers (e);
  marker = scs_record_get_string (SCS_RECORD (a), SCS_M_ASSESSMENT_INTERNAL_NOTE);
  {
    g_autoptr(GBytes) json = scs_storage_serialize (e);

    /* The markers are there to be found when they leak. */
    g_assert_nonnull (memmem (g_bytes_get_data (json, NULL), g_bytes_get_size (json),
                              marker, strlen (marker)));
    for (guint m = 0; m < markers->len; m++)
      g_assert_nonnull (memmem (g_bytes_get_data (json, NULL), g_bytes_get_size (json),
                                g_ptr_array_index (markers, m),
                                strlen (g_ptr_array_index (markers, m))));
  }

  /* Named after the company, as Save As suggests: the key file must not give the name
   * away, in any spelling of the path. */
  origin_name = g_strconcat (company, ".scsa", NULL);
  origin_path = g_build_filename (tmpdir, origin_name, NULL);
  origin = g_file_new_for_path (origin_path);
  origin_uri = g_file_get_uri (origin);
  autosave = scs_autosave_new (dir, e, 50);
  scs_autosave_set_key (autosave, key);
  scs_autosave_set_origin (autosave, origin);
  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *copy = NULL;
      g_autofree char *info = NULL;
      g_autofree char *info_path = NULL;
      gsize size, info_size;

      if (round == 0)
        {
          /* Through the timer and the worker thread. */
          scs_autosave_schedule (autosave);
          while (scs_autosave_get_n_written (autosave) < 1)
            g_main_context_iteration (NULL, TRUE);
        }
      else
        g_assert_true (scs_autosave_write_now (autosave, &error));
      g_assert_no_error (error);

      g_assert_true (g_file_get_contents (scs_autosave_get_copy_path (autosave), &copy, &size,
                                          NULL));
      g_assert_true (scs_protect_is_sealed ((const guint8 *) copy, size));
      assert_absent (copy, size, marker, "the recovery copy");
      for (guint m = 0; m < markers->len; m++)
        assert_absent (copy, size, g_ptr_array_index (markers, m), "the recovery copy");
      assert_absent (copy, size, company, "the recovery copy");
      for (guint m = 0; members[m] != NULL; m++)
        assert_absent (copy, size, members[m], "the recovery copy");

      info_path = g_strdup (scs_autosave_get_copy_path (autosave));
      strcpy (info_path + strlen (info_path) - strlen ("scsa"), "ini");
      g_assert_true (g_file_get_contents (info_path, &info, &info_size, NULL));
      g_assert_nonnull (strstr (info, "protected=true"));
      assert_absent (info, info_size, company, "the recovery key file");
      assert_absent (info, info_size, marker, "the recovery key file");
      assert_absent (info, info_size, origin_uri, "the recovery key file");
      assert_absent (info, info_size, origin_path, "the recovery key file");
      {
        /* The company's name as a URI escapes it. */
        g_autofree char *escaped = g_uri_escape_string (company, NULL, FALSE);

        assert_absent (info, info_size, escaped, "the recovery key file");
      }
      g_assert_nonnull (strstr (info, "origin-sealed="));

      /* Nothing else in the folder: no plaintext temporary left beside it. */
      {
        g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
        const char *name;

        while ((name = g_dir_read_name (listing)) != NULL)
          {
            g_autofree char *path = g_build_filename (dir, name, NULL);
            g_autofree char *text = NULL;
            gsize text_size;

            g_assert_true (g_file_get_contents (path, &text, &text_size, NULL));
            assert_absent (text, text_size, marker, name);
          }
      }
    }

  /* Listed (once its process is gone) as protected, and restored with the passphrase. */
  {
    g_autofree char *info_path = g_strdup (scs_autosave_get_copy_path (autosave));
    g_autoptr(GKeyFile) info = g_key_file_new ();
    g_autoptr(GPtrArray) orphans = NULL;
    g_autoptr(GFile) copy = g_file_new_for_path (scs_autosave_get_copy_path (autosave));
    g_autoptr(ScsProtectKey) again = scs_protect_key_new (PASSPHRASE);
    g_autoptr(ScsEngagement) restored = NULL;
    ScsRecovery *recovery;

    strcpy (info_path + strlen (info_path) - strlen ("scsa"), "ini");
    g_assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL));
    /* No process has this id: pid_max is at most 2^22. */
    g_key_file_set_int64 (info, "recovery", "pid", 1 << 23);
    g_assert_true (g_key_file_save_to_file (info, info_path, NULL));
    orphans = scs_autosave_list_orphans (dir);
    g_assert_cmpuint (orphans->len, ==, 1);
    recovery = g_ptr_array_index (orphans, 0);
    g_assert_true (recovery->protected);
    g_assert_cmpstr (recovery->company, ==, "");
    /* Where it belongs shows once the passphrase is given, not before. */
    g_assert_null (recovery->origin_uri);
    g_assert_nonnull (recovery->origin_sealed);
    {
      g_autoptr(ScsProtectKey) wrong = scs_protect_key_new (PASSPHRASE "?");

      g_assert_false (scs_recovery_unseal_origin (recovery, wrong, &error));
      g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_WRONG_PASSPHRASE);
      g_assert_null (recovery->origin_uri);
      g_clear_error (&error);
    }

    g_assert_null (scs_storage_load (catalog, copy, NULL, &error));
    g_assert_error (error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_PASSPHRASE_NEEDED);
    g_clear_error (&error);
    restored = scs_storage_load_full (catalog, copy, SCS_LOAD_DEFAULT, again, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (scs_recovery_unseal_origin (recovery, again, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (recovery->origin_uri, ==, origin_uri);
    g_assert_cmpstr (scs_record_get_string (SCS_RECORD (scs_engagement_get_assessment (
                       restored, scs_record_get_string (SCS_RECORD (a), SCS_M_ASSESSMENT_CRITERION))),
                       SCS_M_ASSESSMENT_INTERNAL_NOTE), ==, marker);
  }
  scs_autosave_discard (autosave);
  scs_protect_set_kdf_limits (0, 0);
}

/* Nothing at all seals to one empty final part and opens back to nothing (found by the
 * fuzzer: an empty buffer has no data pointer). */
static void
test_empty (void)
{
  g_autoptr(ScsProtectKey) key = scs_protect_key_new (PASSPHRASE);
  g_autoptr(GBytes) nothing = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) sealed = NULL;
  g_autoptr(GBytes) opened = NULL;
  g_autoptr(GError) error = NULL;

  scs_protect_set_kdf_limits (crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
  sealed = scs_protect_seal (key, nothing, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (sealed), ==, scs_protect_overhead (0));
  opened = scs_protect_open (sealed, key, 16, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (opened), ==, 0);
  scs_protect_set_kdf_limits (0, 0);
}

int
main (int    argc,
      char **argv)
{
  int status;

  scs_test_init (&argc, &argv);
  catalog = scs_test_catalog ();
  tmpdir = g_dir_make_tmp ("scs-protect-XXXXXX", NULL);

  g_test_add_func ("/protect/round-trip", test_round_trip);
  g_test_add_func ("/protect/reseal-raises-cost", test_reseal_raises_cost);
  g_test_add_func ("/protect/passphrase-needed-and-wrong", test_passphrase_needed_and_wrong);
  g_test_add_func ("/protect/header-flips", test_header_flips);
  g_test_add_func ("/protect/chunk-flips", test_chunk_flips);
  g_test_add_func ("/protect/truncation-and-appended", test_truncation_and_appended);
  g_test_add_func ("/protect/oversize-kdf", test_oversize_kdf);
  g_test_add_func ("/protect/newer-version", test_newer_version);
  g_test_add_func ("/protect/huge-length", test_huge_length);
  g_test_add_func ("/protect/limit-is-the-json", test_limit_is_the_json);
  g_test_add_func ("/protect/recovery-copy-sealed", test_recovery_copy_sealed);
  g_test_add_func ("/protect/empty", test_empty);
  status = g_test_run ();

  scs_test_remove_tree (tmpdir);
  g_free (tmpdir);
  g_object_unref (catalog);
  return status;
}
