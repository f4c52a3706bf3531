/* scs-json-scan.c — a strict check of JSON text before it is parsed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <errno.h>
#include <math.h>
#include <string.h>

#include "scs-error.h"
#include "scs-json-scan.h"

/* A path component longer than this is shortened in messages. */
#define MAX_SHOWN 64

/* One open object or array. Member names of an object are kept decoded in keys,
 * NUL-separated, and found again through a small open-addressing table of offsets, so a
 * duplicate costs no allocation per member; both are reused by the next object at the
 * same depth. */
typedef struct {
  gboolean    is_object;
  guint       index;       /* array: the element being read */
  const char *key;         /* object: the member being read, as written (no quotes) */
  gsize       key_len;
  GString    *keys;
  guint32    *slots;       /* offset + 1 into keys; 0 is free */
  guint       n_slots;     /* a power of two */
  guint       n_used;
} Frame;

typedef struct {
  const char *data;
  const char *p;
  const char *end;
  Frame       frames[SCS_JSON_MAX_DEPTH];
  guint       depth;
  GError    **error;
} Scan;

static void
location (Scan       *s,
          const char *at,
          guint      *line,
          guint      *column)
{
  *line = 1;
  *column = 1;
  for (const char *q = s->data; q < at; q = g_utf8_next_char (q))
    {
      if (*q == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else
        (*column)++;
    }
}

static gboolean
syntax (Scan       *s,
        const char *at,
        const char *what)
{
  guint line, column;

  location (s, at, &line, &column);
  g_set_error (s->error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_SYNTAX,
               _("line %u, column %u: %s"), line, column, what);
  return FALSE;
}

static gboolean
unexpected (Scan       *s,
            const char *at)
{
  g_autofree char *what = NULL;
  gunichar c;

  if (at >= s->end)
    return syntax (s, at, _("the file ends too early"));
  c = g_utf8_get_char_validated (at, s->end - at);
  if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == (gunichar) -1 || c == (gunichar) -2)
    what = g_strdup_printf (_("unexpected character U+%04X"), c < 0x110000 ? c : 0xfffd);
  else
    {
      char utf8[8] = { 0 };

      g_unichar_to_utf8 (c, utf8);
      what = g_strdup_printf (_("unexpected “%s”"), utf8);
    }
  return syntax (s, at, what);
}

static void
append_shown (GString    *out,
              const char *text,
              gsize       len)
{
  if (len <= MAX_SHOWN)
    {
      g_string_append_len (out, text, len);
      return;
    }
  /* Cut on a character boundary. */
  len = g_utf8_find_prev_char (text, text + MAX_SHOWN) - text;
  g_string_append_len (out, text, len);
  g_string_append (out, "…");
}

/* The path of the value being read; with a member name being read, of that member. */
static char *
path_of (Scan       *s,
         const char *key,
         gsize       key_len)
{
  GString *path = g_string_new ("$");

  for (guint i = 0; i < s->depth; i++)
    {
      Frame *f = &s->frames[i];

      if (!f->is_object)
        g_string_append_printf (path, "[%u]", f->index);
      else if (f->key != NULL)
        {
          g_string_append_c (path, '.');
          append_shown (path, f->key, f->key_len);
        }
    }
  if (key != NULL)
    {
      g_string_append_c (path, '.');
      append_shown (path, key, key_len);
    }
  return g_string_free (path, FALSE);
}

static void
skip_blanks (Scan *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\r' || *s->p == '\t'))
    s->p++;
}

static int
hex4 (const char *p)
{
  int v = 0;

  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);

      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

/* Reads a string from just after its opening quote to just after its closing one,
 * refusing \u0000 and unpaired surrogates. A member name (key != NULL) is decoded into
 * out; the messages name the member then. */
static gboolean
scan_string (Scan       *s,
             const char *key,
             gsize       key_len,
             GString    *out)
{
  const char *p = s->p;

  for (;;)
    {
      const char *run = p;
      int u;

      while (p < s->end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
        p++;
      if (out != NULL)
        g_string_append_len (out, run, p - run);
      if (p >= s->end)
        return syntax (s, p, _("a text is not closed"));
      if (*p == '"')
        break;
      if ((guchar) *p < 0x20)
        return syntax (s, p, _("a control character inside a text must be written as an escape"));

      /* A backslash. */
      if (p + 1 >= s->end)
        return syntax (s, p + 1, _("the file ends too early"));
      switch (p[1])
        {
        case '"': case '\\': case '/':
          if (out != NULL)
            g_string_append_c (out, p[1]);
          p += 2;
          continue;
        case 'b': case 'f': case 'n': case 'r': case 't':
          if (out != NULL)
            g_string_append_c (out, p[1] == 'b' ? '\b' : p[1] == 'f' ? '\f' :
                                    p[1] == 'n' ? '\n' : p[1] == 'r' ? '\r' : '\t');
          p += 2;
          continue;
        case 'u':
          break;
        default:
          return syntax (s, p, _("a backslash in a text starts no valid escape"));
        }
      if (s->end - p < 6 || (u = hex4 (p + 2)) < 0)
        return syntax (s, p, _("a \\u escape needs four hexadecimal digits"));
      if (u == 0 || (u >= 0xd800 && u <= 0xdfff))
        {
          int low = -1;

          if (u >= 0xd800 && u <= 0xdbff && s->end - p >= 12 && p[6] == '\\' && p[7] == 'u')
            low = hex4 (p + 8);
          if (u == 0 || u >= 0xdc00 || low < 0xdc00 || low > 0xdfff)
            {
              g_autofree char *path = path_of (s, key, key_len);

              if (u == 0)
                g_set_error (s->error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_ENCODING,
                             _("%s: the text holds a NUL character (\\u0000), which the app "
                               "does not keep"), path);
              else
                g_set_error (s->error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_ENCODING,
                             _("%s: the text holds an unpaired surrogate escape (\\u%.4s), "
                               "which is no character"), path, p + 2);
              return FALSE;
            }
          if (out != NULL)
            {
              char utf8[8];

              g_string_append_len (out, utf8,
                                   g_unichar_to_utf8 (0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00),
                                                      utf8));
            }
          p += 12;
          continue;
        }
      if (out != NULL)
        {
          char utf8[8];

          g_string_append_len (out, utf8, g_unichar_to_utf8 (u, utf8));
        }
      p += 6;
    }
  s->p = p + 1;
  return TRUE;
}

static gboolean
too_large_number (Scan       *s,
                  const char *start,
                  gsize       len)
{
  g_autofree char *path = path_of (s, NULL, 0);
  g_autoptr(GString) shown = g_string_new (NULL);

  append_shown (shown, start, len);
  g_set_error (s->error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE,
               _("%s: %s is too large a number"), path, shown->str);
  return FALSE;
}

static gboolean
scan_number (Scan *s)
{
  const char *start = s->p, *p = s->p;
  gboolean integer = TRUE;

  if (p < s->end && *p == '-')
    p++;
  if (p >= s->end || !g_ascii_isdigit (*p))
    return unexpected (s, p);
  if (*p == '0')
    p++;
  else
    while (p < s->end && g_ascii_isdigit (*p))
      p++;
  if (p < s->end && *p == '.')
    {
      integer = FALSE;
      if (++p >= s->end || !g_ascii_isdigit (*p))
        return unexpected (s, p);
      while (p < s->end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < s->end && (*p == 'e' || *p == 'E'))
    {
      integer = FALSE;
      p++;
      if (p < s->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= s->end || !g_ascii_isdigit (*p))
        return unexpected (s, p);
      while (p < s->end && g_ascii_isdigit (*p))
        p++;
    }
  s->p = p;

  /* json-glib wraps an integer beyond 64 bits, and reads 1e400 as infinity, which it
   * then writes as text that is not JSON. */
  if (integer)
    {
      gsize digits = p - start - (*start == '-');

      if (digits < 19)
        return TRUE;
      if (digits == 19)
        {
          const char *limit = *start == '-' ? "9223372036854775808" : "9223372036854775807";

          if (memcmp (p - 19, limit, 19) <= 0)
            return TRUE;
        }
      return too_large_number (s, start, p - start);
    }
  else
    {
      g_autofree char *copy = g_strndup (start, p - start);
      double v = g_ascii_strtod (copy, NULL);
      char written[G_ASCII_DTOSTR_BUF_SIZE];

      if (isinf (v))
        return too_large_number (s, start, p - start);
      /* json-glib writes a double as g_ascii_dtostr gives it, with ".0" added when it has
       * no point: 1e20 comes out as 1e+20.0, which no parser reads. Such a number (at
       * least 1e17, the app keeps it only as a member it does not know) would make the
       * saved file unreadable. */
      g_ascii_dtostr (written, sizeof written, v);
      if (strchr (written, '.') == NULL && strpbrk (written, "eE") != NULL)
        return too_large_number (s, start, p - start);
    }
  return TRUE;
}

static gboolean
scan_word (Scan       *s,
           const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (s->end - s->p) < len || memcmp (s->p, word, len) != 0)
    return unexpected (s, s->p);
  s->p += len;
  return TRUE;
}

static void
frame_reset (Frame *f)
{
  if (f->keys == NULL)
    f->keys = g_string_sized_new (256);
  g_string_truncate (f->keys, 0);
  /* A huge object's table is not cleared again for every small one after it. */
  if (f->n_slots > 64)
    {
      g_clear_pointer (&f->slots, g_free);
      f->n_slots = 0;
    }
  if (f->slots == NULL)
    {
      f->n_slots = 16;
      f->slots = g_new0 (guint32, f->n_slots);
    }
  else if (f->n_used > 0)
    memset (f->slots, 0, f->n_slots * sizeof (guint32));
  f->n_used = 0;
}

/* Member names are hashed with a polynomial over the prime 2^61 - 1 at a base drawn at
 * random once per process: names made to collide under a fixed hash (g_str_hash's "AA" and
 * "B ") would turn the duplicate check quadratic, while two different names of length n
 * collide here with a chance of at most n / 2^61 whatever the file holds. */
#define HASH_PRIME ((G_GUINT64_CONSTANT (1) << 61) - 1)

static guint64
mul_mod_prime (guint64 a,
               guint64 b)
{
#ifdef __SIZEOF_INT128__
  unsigned __int128 product = (unsigned __int128) a * b;
  guint64 folded = (guint64) (product & HASH_PRIME) + (guint64) (product >> 61);
#else
  /* Without 128-bit products: doubling and adding, a < 2^61 so nothing overflows. */
  guint64 folded = 0;

  for (; b != 0; b >>= 1)
    {
      if (b & 1)
        {
          folded += a;
          if (folded >= HASH_PRIME)
            folded -= HASH_PRIME;
        }
      a <<= 1;
      if (a >= HASH_PRIME)
        a -= HASH_PRIME;
    }
#endif
  return folded >= HASH_PRIME ? folded - HASH_PRIME : folded;
}

static guint64
hash_base (void)
{
  static gsize base = 0;

  if (g_once_init_enter (&base))
    {
      guint64 drawn = ((guint64) g_random_int () << 32 | g_random_int ()) % (HASH_PRIME - 2);

      g_once_init_leave (&base, (gsize) (drawn + 2));
    }
  return base;
}

static guint
hash_of (const char *key)
{
  guint64 base = hash_base ();
  guint64 h = 0;

  for (const guchar *p = (const guchar *) key; *p != '\0'; p++)
    {
      h = mul_mod_prime (h, base) + *p + 1;
      if (h >= HASH_PRIME)
        h -= HASH_PRIME;
    }
  return (guint) (h ^ (h >> 32));
}

static void
table_put (guint32 *slots,
           guint    n_slots,
           guint    hash,
           guint32  value)
{
  guint i = hash & (n_slots - 1);

  while (slots[i] != 0)
    i = (i + 1) & (n_slots - 1);
  slots[i] = value;
}

/* The member name decoded at key_start in f->keys: FALSE when the object had it already. */
static gboolean
frame_add_key (Frame *f,
               gsize  key_start)
{
  const char *key = f->keys->str + key_start;
  guint hash = hash_of (key);
  guint i = hash & (f->n_slots - 1);

  if (key_start >= G_MAXUINT32)
    return TRUE;  /* beyond what the size limit allows; nothing to compare then */
  while (f->slots[i] != 0)
    {
      if (strcmp (f->keys->str + f->slots[i] - 1, key) == 0)
        return FALSE;
      i = (i + 1) & (f->n_slots - 1);
    }
  f->slots[i] = (guint32) key_start + 1;
  if (++f->n_used * 2 > f->n_slots)
    {
      guint n = f->n_slots * 2;
      guint32 *slots = g_new0 (guint32, n);

      for (guint j = 0; j < f->n_slots; j++)
        if (f->slots[j] != 0)
          table_put (slots, n, hash_of (f->keys->str + f->slots[j] - 1), f->slots[j]);
      g_free (f->slots);
      f->slots = slots;
      f->n_slots = n;
    }
  return TRUE;
}

static gboolean
open_container (Scan    *s,
                gboolean is_object)
{
  Frame *f;

  if (s->depth == SCS_JSON_MAX_DEPTH)
    {
      guint line, column;

      location (s, s->p, &line, &column);
      g_set_error (s->error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_TOO_LARGE,
                   _("line %u, column %u: the data is nested more than %d levels deep"),
                   line, column, SCS_JSON_MAX_DEPTH);
      return FALSE;
    }
  f = &s->frames[s->depth++];
  f->is_object = is_object;
  f->index = 0;
  f->key = NULL;
  f->key_len = 0;
  if (is_object)
    frame_reset (f);
  s->p++;
  return TRUE;
}

/* Reads a member name and its colon. */
static gboolean
scan_key (Scan *s)
{
  Frame *f = &s->frames[s->depth - 1];
  const char *start;
  gsize key_start;

  skip_blanks (s);
  if (s->p >= s->end || *s->p != '"')
    return unexpected (s, s->p);
  start = ++s->p;
  f->key = NULL;
  /* The name as written, for paths, before its escapes are checked. */
  {
    const char *q = start;

    while (q < s->end && *q != '"')
      q += *q == '\\' ? 2 : 1;
    f->key_len = MIN (q, s->end) - start;
  }
  key_start = f->keys->len;
  if (!scan_string (s, start, f->key_len, f->keys))
    return FALSE;
  if (!frame_add_key (f, key_start))
    {
      g_autofree char *path = path_of (s, start, f->key_len);

      g_set_error (s->error, SCS_FORMAT_ERROR, SCS_FORMAT_ERROR_DUPLICATE,
                   _("%s: this member is given twice in the same object"), path);
      return FALSE;
    }
  g_string_append_c (f->keys, '\0');
  f->key = start;
  skip_blanks (s);
  if (s->p >= s->end || *s->p != ':')
    return unexpected (s, s->p);
  s->p++;
  return TRUE;
}

typedef enum {
  WANT_VALUE,
  WANT_FIRST_ELEMENT,   /* just after [ */
  WANT_FIRST_MEMBER,    /* just after { */
  AFTER_VALUE,
} State;

static gboolean
scan (Scan *s)
{
  State state = WANT_VALUE;

  /* json-glib skips a byte order mark; so do we. */
  if (s->end - s->p >= 3 && memcmp (s->p, "\xef\xbb\xbf", 3) == 0)
    s->p += 3;

  for (;;)
    {
      skip_blanks (s);
      switch (state)
        {
        case WANT_FIRST_ELEMENT:
          if (s->p < s->end && *s->p == ']')
            {
              s->p++;
              s->depth--;
              state = AFTER_VALUE;
              continue;
            }
          G_GNUC_FALLTHROUGH;
        case WANT_VALUE:
          if (s->p >= s->end)
            return unexpected (s, s->p);
          switch (*s->p)
            {
            case '{':
              if (!open_container (s, TRUE))
                return FALSE;
              state = WANT_FIRST_MEMBER;
              continue;
            case '[':
              if (!open_container (s, FALSE))
                return FALSE;
              state = WANT_FIRST_ELEMENT;
              continue;
            case '"':
              s->p++;
              if (!scan_string (s, NULL, 0, NULL))
                return FALSE;
              break;
            case 't':
              if (!scan_word (s, "true"))
                return FALSE;
              break;
            case 'f':
              if (!scan_word (s, "false"))
                return FALSE;
              break;
            case 'n':
              if (!scan_word (s, "null"))
                return FALSE;
              break;
            default:
              if (!scan_number (s))
                return FALSE;
              break;
            }
          state = AFTER_VALUE;
          continue;

        case WANT_FIRST_MEMBER:
          if (s->p < s->end && *s->p == '}')
            {
              s->p++;
              s->depth--;
              state = AFTER_VALUE;
              continue;
            }
          if (!scan_key (s))
            return FALSE;
          state = WANT_VALUE;
          continue;

        case AFTER_VALUE:
          if (s->depth == 0)
            {
              if (s->p < s->end)
                return syntax (s, s->p, _("more follows the end of the JSON document"));
              return TRUE;
            }
          {
            Frame *f = &s->frames[s->depth - 1];

            if (s->p < s->end && *s->p == ',')
              {
                s->p++;
                if (f->is_object)
                  {
                    if (!scan_key (s))
                      return FALSE;
                  }
                else
                  f->index++;
                state = WANT_VALUE;
              }
            else if (s->p < s->end && *s->p == (f->is_object ? '}' : ']'))
              {
                s->p++;
                s->depth--;
              }
            else
              return unexpected (s, s->p);
          }
          continue;
        }
    }
}

gboolean
scs_json_scan (const char *data,
               gsize       size,
               GError    **error)
{
  Scan *s = g_new0 (Scan, 1);
  gboolean ok;

  s->data = data;
  s->p = data;
  s->end = data + size;
  s->error = error;
  ok = scan (s);
  for (guint i = 0; i < SCS_JSON_MAX_DEPTH; i++)
    {
      if (s->frames[i].keys != NULL)
        g_string_free (s->frames[i].keys, TRUE);
      g_free (s->frames[i].slots);
    }
  g_free (s);
  return ok;
}
