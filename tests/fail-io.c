/* fail-io.c — an LD_PRELOAD shim that makes writes fail, for full-disk and permission tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only files whose path contains SCS_FAIL_PATH are touched:
 *   SCS_FAIL_ERRNO=ENOSPC  write() fails once SCS_FAIL_AFTER bytes (default 0) went to such
 *                          files, as on a full disk;
 *   SCS_FAIL_ERRNO=EACCES  creating such a file fails, as in a read-only folder (which a
 *                          test running as root cannot otherwise have).
 */

#define _GNU_SOURCE
/* Plain names: with 64-bit offsets the headers would rename open() to open64(). */
#undef _FILE_OFFSET_BITS
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static long long written;

static int
failing (const char *wanted_errno)
{
  const char *e = getenv ("SCS_FAIL_ERRNO");

  return getenv ("SCS_FAIL_PATH") != NULL && e != NULL && strcmp (e, wanted_errno) == 0;
}

static int
marked (const char *path)
{
  const char *mark = getenv ("SCS_FAIL_PATH");

  return mark != NULL && path != NULL && strstr (path, mark) != NULL;
}

static int
fd_marked (int fd)
{
  char link[64], path[4096];
  ssize_t n;

  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  n = readlink (link, path, sizeof path - 1);
  if (n <= 0)
    return 0;
  path[n] = '\0';
  return marked (path);
}

typedef int (*open_fn) (const char *, int, ...);
typedef int (*openat_fn) (int, const char *, int, ...);
typedef ssize_t (*write_fn) (int, const void *, size_t);

static int
refuse_create (const char *path,
               int         flags)
{
  if ((flags & O_CREAT) && failing ("EACCES") && marked (path))
    {
      errno = EACCES;
      return 1;
    }
  return 0;
}

static int
call_open (const char *name,
           const char *path,
           int         flags,
           mode_t      mode)
{
  open_fn real = (open_fn) dlsym (RTLD_NEXT, name);

  if (refuse_create (path, flags))
    return -1;
  return real (path, flags, mode);
}

static int
call_openat (const char *name,
             int         dir,
             const char *path,
             int         flags,
             mode_t      mode)
{
  openat_fn real = (openat_fn) dlsym (RTLD_NEXT, name);

  if (refuse_create (path, flags))
    return -1;
  return real (dir, path, flags, mode);
}

#define MODE_ARG(flags, mode) \
  do { va_list ap; va_start (ap, flags); \
       mode = (flags & O_CREAT) ? va_arg (ap, mode_t) : 0; va_end (ap); } while (0)

int open (const char *path, int flags, ...);
int open64 (const char *path, int flags, ...);
int openat (int dir, const char *path, int flags, ...);
int openat64 (int dir, const char *path, int flags, ...);

int
open (const char *path, int flags, ...)
{
  mode_t mode;

  MODE_ARG (flags, mode);
  return call_open ("open", path, flags, mode);
}

int
open64 (const char *path, int flags, ...)
{
  mode_t mode;

  MODE_ARG (flags, mode);
  return call_open ("open64", path, flags, mode);
}

int
openat (int dir, const char *path, int flags, ...)
{
  mode_t mode;

  MODE_ARG (flags, mode);
  return call_openat ("openat", dir, path, flags, mode);
}

int
openat64 (int dir, const char *path, int flags, ...)
{
  mode_t mode;

  MODE_ARG (flags, mode);
  return call_openat ("openat64", dir, path, flags, mode);
}

ssize_t
write (int         fd,
       const void *buf,
       size_t      count)
{
  static write_fn real;

  if (real == NULL)
    real = (write_fn) dlsym (RTLD_NEXT, "write");
  if (failing ("ENOSPC") && fd_marked (fd))
    {
      const char *after = getenv ("SCS_FAIL_AFTER");
      long long limit = after != NULL ? atoll (after) : 0;

      if (written + (long long) count > limit)
        {
          errno = ENOSPC;
          return -1;
        }
      written += count;
    }
  return real (fd, buf, count);
}
