/* scs-protect.c — engagement files protected by a passphrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only libsodium's primitives, used as designed: crypto_pwhash (Argon2id v1.3) for the
 * key, crypto_secretstream_xchacha20poly1305 for the content, crypto_generichash
 * (BLAKE2b) as a plain checksum of the header. data/protected-file-format.md is the
 * format's description; keep the two in step.
 */
#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "scs-error.h"
#include "scs-error-private.h"
#include "scs-protect.h"
#include "scs-protect-private.h"

/* Header offsets (format version 1). */
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
#define CHECKSUM_SIZE 32

#define KDF_ARGON2ID13 1
#define KEY_SIZE       crypto_secretstream_xchacha20poly1305_KEYBYTES
#define ABYTES         crypto_secretstream_xchacha20poly1305_ABYTES

/* Reading bounds. A header asks for its own KDF cost, so a crafted file could ask for
 * gigabytes or minutes: what this version writes (OPSLIMIT_MODERATE, 256 MiB) is well
 * inside, twice the memory and a few times the passes are allowed for later versions,
 * and anything beyond is refused before Argon2id runs. */
#define MAX_OPSLIMIT  10
#define MAX_MEMLIMIT  (512u * 1024 * 1024)
#define MIN_CHUNK     1024
#define MAX_CHUNK     (16u * 1024 * 1024)

G_STATIC_ASSERT (SCS_PROTECT_HEADER_SIZE == OFF_CHECKSUM + CHECKSUM_SIZE);
G_STATIC_ASSERT (crypto_pwhash_SALTBYTES == OFF_CHUNK - OFF_SALT);
G_STATIC_ASSERT (crypto_secretstream_xchacha20poly1305_HEADERBYTES == OFF_KEYCHECK - OFF_STREAM);
G_STATIC_ASSERT (crypto_secretstream_xchacha20poly1305_ABYTES == OFF_CHECKSUM - OFF_KEYCHECK);

/* Argon2id's cost for files this version writes: MODERATE (3 passes over 256 MiB, 0.85 s
 * on the 2-core test machine) suits a file that travels by e-mail or USB stick, where
 * the passphrase is all that stands between a finder and the findings. Opening costs it
 * once; saving again and recovery copies reuse the derived key (a file opened at a lower
 * cost is derived again at this one before its first seal). Tests lower it. */
static guint64 write_opslimit = crypto_pwhash_OPSLIMIT_MODERATE;
static gsize write_memlimit = crypto_pwhash_MEMLIMIT_MODERATE;

struct _ScsProtectKey
{
  gatomicrefcount ref;
  GMutex          lock;
  char           *passphrase;      /* sodium_malloc */
  gsize           passphrase_len;
  gboolean        derived;
  guint64         opslimit;
  guint64         memlimit;
  guint8          salt[crypto_pwhash_SALTBYTES];
  guint8         *key;             /* sodium_malloc, KEY_SIZE */
};

static void
ensure_sodium (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* Fails only when the system has no source of randomness at all; nothing here can
       * be made safe without one. */
      if (sodium_init () < 0)
        g_error ("libsodium could not be initialised");
      g_once_init_leave (&done, 1);
    }
}

void
scs_protect_set_kdf_limits (guint64 opslimit,
                            gsize   memlimit)
{
  write_opslimit = opslimit != 0 ? opslimit : crypto_pwhash_OPSLIMIT_MODERATE;
  write_memlimit = memlimit != 0 ? memlimit : crypto_pwhash_MEMLIMIT_MODERATE;
}

static gpointer
guarded_alloc (gsize size)
{
  gpointer p = sodium_malloc (size);

  if (p == NULL)
    g_error ("out of guarded memory (%" G_GSIZE_FORMAT " bytes)", size);
  return p;
}

ScsProtectKey *
scs_protect_key_new (const char *passphrase)
{
  ScsProtectKey *key;

  g_return_val_if_fail (passphrase != NULL && passphrase[0] != '\0', NULL);
  ensure_sodium ();
  key = g_new0 (ScsProtectKey, 1);
  g_atomic_ref_count_init (&key->ref);
  g_mutex_init (&key->lock);
  key->passphrase_len = strlen (passphrase);
  key->passphrase = guarded_alloc (key->passphrase_len + 1);
  memcpy (key->passphrase, passphrase, key->passphrase_len + 1);
  key->key = guarded_alloc (KEY_SIZE);
  return key;
}

ScsProtectKey *
scs_protect_key_ref (ScsProtectKey *key)
{
  g_atomic_ref_count_inc (&key->ref);
  return key;
}

void
scs_protect_key_unref (ScsProtectKey *key)
{
  if (key == NULL || !g_atomic_ref_count_dec (&key->ref))
    return;
  /* sodium_free wipes before it frees. */
  sodium_free (key->passphrase);
  sodium_free (key->key);
  g_mutex_clear (&key->lock);
  sodium_memzero (key->salt, sizeof key->salt);
  g_free (key);
}

/* Called with key->lock held. */
static gboolean
derive_locked (ScsProtectKey *key,
               const guint8  *salt,
               guint64        opslimit,
               guint64        memlimit,
               GError       **error)
{
  if (key->derived && key->opslimit == opslimit && key->memlimit == memlimit &&
      sodium_memcmp (key->salt, salt, sizeof key->salt) == 0)
    return TRUE;
  key->derived = FALSE;
  if (crypto_pwhash (key->key, KEY_SIZE, key->passphrase, key->passphrase_len, salt,
                     opslimit, (size_t) memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    return scs_fail (error, SCS_FORMAT_ERROR_IO,
                     _("There is not enough memory to derive the key from the passphrase "
                       "(%lu MB are needed)."),
                     (unsigned long) (memlimit / (1024 * 1024)));
  memcpy (key->salt, salt, sizeof key->salt);
  key->opslimit = opslimit;
  key->memlimit = memlimit;
  key->derived = TRUE;
  return TRUE;
}

gboolean
scs_protect_key_prepare (ScsProtectKey *key,
                         GError       **error)
{
  guint8 salt[crypto_pwhash_SALTBYTES];
  gboolean ok = TRUE;

  g_mutex_lock (&key->lock);
  /* A key derived to open a file cheaper than this version writes (a file made at
   * Argon2id's minimum, or by a version with a lower cost) is derived again, once, with a
   * new salt at the write cost: else every save, recovery copy and command output would
   * keep that file as cheap to attack as it came. A costlier file keeps its own. */
  if (!key->derived || key->opslimit < write_opslimit || key->memlimit < write_memlimit)
    {
      randombytes_buf (salt, sizeof salt);
      ok = derive_locked (key, salt, write_opslimit, write_memlimit, error);
    }
  g_mutex_unlock (&key->lock);
  return ok;
}

gboolean
scs_protect_is_sealed (const guint8 *data,
                       gsize         size)
{
  return size >= SCS_PROTECT_MAGIC_LEN && memcmp (data, SCS_PROTECT_MAGIC, SCS_PROTECT_MAGIC_LEN) == 0;
}

static guint64
n_chunks (guint64 plain_size,
          guint64 chunk)
{
  /* Even an empty content has its one final chunk. Divided first: a length near 2^64
   * read from a header must not wrap round. */
  return plain_size == 0 ? 1 : plain_size / chunk + (plain_size % chunk != 0);
}

gsize
scs_protect_overhead (gsize plain_size)
{
  return SCS_PROTECT_HEADER_SIZE + n_chunks (plain_size, SCS_PROTECT_CHUNK_SIZE) * ABYTES;
}

static void
put_u32 (guint8 *p,
         guint32 v)
{
  for (int i = 0; i < 4; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

static void
put_u64 (guint8 *p,
         guint64 v)
{
  for (int i = 0; i < 8; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

static guint32
get_u32 (const guint8 *p)
{
  guint32 v = 0;

  for (int i = 3; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

static guint64
get_u64 (const guint8 *p)
{
  guint64 v = 0;

  for (int i = 7; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

GBytes *
scs_protect_seal (ScsProtectKey *key,
                  GBytes        *plain,
                  GError       **error)
{
  crypto_secretstream_xchacha20poly1305_state state;
  gsize plain_size;
  const guint8 *in = g_bytes_get_data (plain, &plain_size);
  guint64 chunks = n_chunks (plain_size, SCS_PROTECT_CHUNK_SIZE);
  gsize out_size = plain_size + scs_protect_overhead (plain_size);
  guint8 *out;
  gsize pos = SCS_PROTECT_HEADER_SIZE;
  static const guint8 empty[1];

  if (!scs_protect_key_prepare (key, error))
    return NULL;

  out = g_malloc (out_size);
  memcpy (out, SCS_PROTECT_MAGIC, SCS_PROTECT_MAGIC_LEN);
  out[OFF_VERSION] = SCS_PROTECT_VERSION;
  out[OFF_KDF] = KDF_ARGON2ID13;
  put_u32 (out + OFF_CHUNK, SCS_PROTECT_CHUNK_SIZE);
  put_u64 (out + OFF_LENGTH, plain_size);

  g_mutex_lock (&key->lock);
  put_u64 (out + OFF_OPSLIMIT, key->opslimit);
  put_u64 (out + OFF_MEMLIMIT, key->memlimit);
  memcpy (out + OFF_SALT, key->salt, sizeof key->salt);
  /* A fresh random stream header each time: one key seals many files safely. */
  crypto_secretstream_xchacha20poly1305_init_push (&state, out + OFF_STREAM, key->key);
  g_mutex_unlock (&key->lock);
  /* The stream's first part is empty and carries the header before it as additional
   * data: it alone tells a wrong passphrase (or a forged header), and being in the
   * header it is covered by the checksum, so a byte damaged by accident anywhere up to
   * here is told as damage, never as a wrong passphrase. */
  crypto_secretstream_xchacha20poly1305_push (&state, out + OFF_KEYCHECK, NULL, empty, 0,
                                              out, OFF_KEYCHECK,
                                              crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
  crypto_generichash (out + OFF_CHECKSUM, CHECKSUM_SIZE, out, OFF_CHECKSUM, NULL, 0);

  for (guint64 i = 0; i < chunks; i++)
    {
      gsize offset = i * SCS_PROTECT_CHUNK_SIZE;
      gsize length = MIN ((gsize) SCS_PROTECT_CHUNK_SIZE, plain_size - offset);
      unsigned long long written = 0;
      guint8 tag = i + 1 == chunks ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
                                   : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;

      /* The stream chains its parts: each depends on the key check, which depends on
       * the header. */
      /* An empty engagement has no bytes at all: its one part is sealed from nothing. */
      crypto_secretstream_xchacha20poly1305_push (&state, out + pos, &written,
                                                  in != NULL ? in + offset : empty,
                                                  length, NULL, 0, tag);
      pos += written;
    }
  sodium_memzero (&state, sizeof state);
  g_assert (pos == out_size);
  return g_bytes_new_take (out, out_size);
}

typedef struct {
  guint64 opslimit;
  guint64 memlimit;
  guint32 chunk;
  guint64 length;
} Header;

static gboolean
parse_header (const guint8 *data,
              gsize         size,
              gsize         max_plain,
              Header       *h,
              GError      **error)
{
  guint8 checksum[CHECKSUM_SIZE];
  guint64 expected;

  if (!scs_protect_is_sealed (data, size))
    return scs_fail (error, SCS_FORMAT_ERROR_NOT_OURS,
                     _("This is not a passphrase-protected SCS Assessor file."));
  if (size < SCS_PROTECT_HEADER_SIZE)
    return scs_fail (error, SCS_FORMAT_ERROR_TRUNCATED,
                     _("The protected file is cut short: it ends inside its header."));
  /* The checksum before the version: a damaged version byte is damage, not a newer file.
   * Every later format keeps this checksum in its place (data/protected-file-format.md),
   * so a newer file still passes it and is told as newer below. */
  crypto_generichash (checksum, sizeof checksum, data, OFF_CHECKSUM, NULL, 0);
  if (memcmp (checksum, data + OFF_CHECKSUM, sizeof checksum) != 0)
    return scs_fail (error, SCS_FORMAT_ERROR_DAMAGED,
                     _("The protected file is damaged: its header does not match its checksum."));
  /* Before the rest of the header, whose fields a newer version may lay out otherwise. */
  if (data[OFF_VERSION] > SCS_PROTECT_VERSION)
    return scs_fail (error, SCS_FORMAT_ERROR_NEWER,
                     _("The protected file was made by a newer version of SCS Assessor "
                       "(protection format %u; this version reads up to %d). Update the app to "
                       "open it; the file was not changed."),
                     data[OFF_VERSION], SCS_PROTECT_VERSION);
  if (data[OFF_VERSION] == 0 || data[OFF_KDF] != KDF_ARGON2ID13)
    return scs_fail (error, SCS_FORMAT_ERROR_DAMAGED,
                     _("The protected file is damaged: its header names no known format or "
                       "key derivation."));

  h->opslimit = get_u64 (data + OFF_OPSLIMIT);
  h->memlimit = get_u64 (data + OFF_MEMLIMIT);
  h->chunk = get_u32 (data + OFF_CHUNK);
  h->length = get_u64 (data + OFF_LENGTH);
  if (h->memlimit > MAX_MEMLIMIT || h->opslimit > MAX_OPSLIMIT)
    return scs_fail (error, SCS_FORMAT_ERROR_DAMAGED,
                     _("The protected file asks for more work to derive its key (%llu passes "
                       "over %llu MB) than this app allows (%d passes over %u MB); it was not "
                       "made by SCS Assessor or is damaged."),
                     (unsigned long long) h->opslimit,
                     (unsigned long long) (h->memlimit / (1024 * 1024)), MAX_OPSLIMIT,
                     MAX_MEMLIMIT / (1024 * 1024));
  if (h->memlimit < crypto_pwhash_MEMLIMIT_MIN || h->opslimit < crypto_pwhash_OPSLIMIT_MIN ||
      h->chunk < MIN_CHUNK || h->chunk > MAX_CHUNK)
    return scs_fail (error, SCS_FORMAT_ERROR_DAMAGED,
                     _("The protected file is damaged: its header holds impossible values."));
  if (h->length > max_plain)
    return scs_fail (error, SCS_FORMAT_ERROR_TOO_LARGE,
                     _("The protected file holds more than an engagement can (%llu MB; the limit "
                       "is %lu MB)."),
                     (unsigned long long) (h->length / (1024 * 1024)),
                     (unsigned long) (max_plain / (1024 * 1024)));
  expected = SCS_PROTECT_HEADER_SIZE + h->length + n_chunks (h->length, h->chunk) * ABYTES;
  /* Trailing bytes are told after the passphrase has been tried (a wrong one is the
   * likelier mistake); a file far larger than its header says is not read at all. */
  if (size > expected + MAX_CHUNK)
    return scs_fail (error, SCS_FORMAT_ERROR_DAMAGED,
                     _("The protected file is damaged: it is longer than its header says "
                       "(%lu bytes more)."),
                     (unsigned long) (size - expected));
  return TRUE;
}

gboolean
scs_protect_check_header (GBytes  *sealed,
                          gsize    max_plain,
                          GError **error)
{
  Header h;
  gsize size;
  const guint8 *data = g_bytes_get_data (sealed, &size);

  ensure_sodium ();
  return parse_header (data, size, max_plain, &h, error);
}

GBytes *
scs_protect_open (GBytes        *sealed,
                  ScsProtectKey *key,
                  gsize          max_plain,
                  GError       **error)
{
  crypto_secretstream_xchacha20poly1305_state state;
  gsize size;
  const guint8 *data = g_bytes_get_data (sealed, &size);
  g_autoptr(GByteArray) plain = NULL;
  guint64 chunks, remaining;
  gsize pos = SCS_PROTECT_HEADER_SIZE;
  Header h;
  int init;

  ensure_sodium ();
  if (!parse_header (data, size, max_plain, &h, error))
    return NULL;
  if (key == NULL)
    return scs_fail (error, SCS_FORMAT_ERROR_PASSPHRASE_NEEDED,
                     _("The file is protected by a passphrase; the passphrase is needed to "
                       "open it.")), NULL;

  g_mutex_lock (&key->lock);
  if (!derive_locked (key, data + OFF_SALT, h.opslimit, h.memlimit, error))
    {
      g_mutex_unlock (&key->lock);
      return NULL;
    }
  init = crypto_secretstream_xchacha20poly1305_init_pull (&state, data + OFF_STREAM, key->key);
  g_mutex_unlock (&key->lock);
  if (init != 0)
    return scs_fail (error, SCS_FORMAT_ERROR_DAMAGED,
                     _("The protected file is damaged: its stream header is not valid.")), NULL;
  {
    guint8 tag = 0, none[1];

    if (crypto_secretstream_xchacha20poly1305_pull (&state, none, NULL, &tag, data + OFF_KEYCHECK,
                                                    ABYTES, data, OFF_KEYCHECK) != 0)
      {
        sodium_memzero (&state, sizeof state);
        return scs_fail (error, SCS_FORMAT_ERROR_WRONG_PASSPHRASE,
                         _("The passphrase is wrong: it is not the one this file was protected "
                           "with.")), NULL;
      }
    if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE)
      {
        sodium_memzero (&state, sizeof state);
        return scs_fail (error, SCS_FORMAT_ERROR_DAMAGED,
                         _("The protected file is damaged: its header is out of place.")), NULL;
      }
  }

  chunks = n_chunks (h.length, h.chunk);
  remaining = h.length;
  /* Grown as chunks open, so a header that claims much and a file that holds little
   * costs little. */
  /* At least one byte reserved, so that even an empty plaintext has somewhere to go. */
  plain = g_byte_array_sized_new (MAX (MIN (h.length, size), 1));
  for (guint64 i = 0; i < chunks; i++)
    {
      gsize length = MIN ((guint64) h.chunk, remaining);
      gsize at = plain->len;
      unsigned long long opened = 0;
      guint8 tag = 0;

      if (size - pos < length + ABYTES)
        {
          sodium_memzero (plain->data, plain->len);
          sodium_memzero (&state, sizeof state);
          return scs_fail (error, SCS_FORMAT_ERROR_TRUNCATED,
                           _("The protected file is cut short: it ends at byte %lu, before its "
                             "last part (%llu bytes were written)."),
                           (unsigned long) size,
                           (unsigned long long) (SCS_PROTECT_HEADER_SIZE + h.length + chunks * ABYTES)),
                 NULL;
        }
      g_byte_array_set_size (plain, at + length);
      if (crypto_secretstream_xchacha20poly1305_pull (&state, plain->data + at, &opened, &tag,
                                                      data + pos, length + ABYTES, NULL, 0) != 0)
        {
          sodium_memzero (plain->data, plain->len);
          sodium_memzero (&state, sizeof state);
          return scs_fail (error, SCS_FORMAT_ERROR_DAMAGED,
                           _("The protected file is damaged: its part at byte %lu does not "
                             "match what was sealed."), (unsigned long) pos), NULL;
        }
      /* The tags must agree with the length the header gave: a final tag only last. */
      if ((i + 1 == chunks) != (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL))
        {
          sodium_memzero (plain->data, plain->len);
          sodium_memzero (&state, sizeof state);
          return scs_fail (error, SCS_FORMAT_ERROR_DAMAGED,
                           _("The protected file is damaged: its part at byte %lu is out of "
                             "place."), (unsigned long) pos), NULL;
        }
      pos += length + ABYTES;
      remaining -= length;
    }
  sodium_memzero (&state, sizeof state);
  if (pos != size)
    {
      sodium_memzero (plain->data, plain->len);
      return scs_fail (error, SCS_FORMAT_ERROR_DAMAGED,
                       _("The protected file is damaged: %lu bytes follow its end."),
                       (unsigned long) (size - pos)), NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&plain));
}
