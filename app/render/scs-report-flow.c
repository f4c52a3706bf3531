/* scs-report-flow.c — the report's flow engine: pages, text layouts, tables, and rows placed
 * down the pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows of a group (a subcategory of the sheet) are kept on one page when they fit on one;
 * a row taller than a page is cut between lines of text, each cell going on where it
 * stopped. A table that goes on to a new page repeats its header. Headings wait in the
 * flow's pending rows until what follows them is placed, so that none is left alone at a
 * page's foot.
 */

#include <string.h>
#include <glib/gi18n-lib.h>
#include "scs-report-private.h"

/* IPA's own gothic, as the guide's forms are printed: a TrueType font, whose subsets stay
 * small where Noto Sans CJK's CFF subsets keep nearly all of its subroutines. Named, so
 * that every machine prints the same glyphs; Noto Sans CJK where IPAex is missing. */
#define REPORT_FAMILY "IPAexGothic"
#define FALLBACK_FAMILIES "Noto Sans CJK JP, Noto Sans JP, sans-serif"

static gboolean
family_installed (const char *name)
{
  PangoFontFamily **families = NULL;
  int n = 0;
  gboolean found = FALSE;

  pango_font_map_list_families (pango_cairo_font_map_get_default (), &families, &n);
  for (int i = 0; i < n && !found; i++)
    found = g_ascii_strcasecmp (pango_font_family_get_name (families[i]), name) == 0;
  g_free (families);
  return found;
}

const char *
scs_report_font_family (void)
{
  static gsize chosen = 0;

  if (g_once_init_enter (&chosen))
    {
      /* IPAex alone: fontconfig's own order finds a glyph it lacks (⚠, emoji), and Pango
       * looks a fontset up for every run of text, which a one-name description makes
       * quicker (6 % of the ★4 report's time; the pages are the same). */
      const char *families = REPORT_FAMILY;

      if (!family_installed (REPORT_FAMILY))
        {
          /* TRANSLATORS: one line on the terminal when a report is made without IPAex */
          g_printerr ("%s\n", _("Warning: the font IPAexGothic is not installed (Debian: fonts-ipaexfont-gothic); reports use Noto Sans CJK instead."));
          families = FALLBACK_FAMILIES;
        }
      g_once_init_leave (&chosen, (gsize) families);
    }
  return (const char *) chosen;
}

/* page model ------------------------------------------------------------------------------- */

static void
op_clear (gpointer data)
{
  ScsOp *op = data;

  g_clear_object (&op->layout);
}

void
scs_page_free (gpointer data)
{
  ScsPage *page = data;

  g_array_unref (page->ops);
  g_free (page->title);
  g_free (page);
}

void
scs_flow_new_page (ScsFlow    *flow,
                   gboolean    landscape,
                   const char *title)
{
  ScsReport *report = flow->report;
  ScsPage *page = g_new0 (ScsPage, 1);
  double a = report->options.paper == SCS_PAPER_A3 ? 841.89 : 595.28;
  double b = report->options.paper == SCS_PAPER_A3 ? 1190.55 : 841.89;

  page->landscape = landscape;
  page->width = landscape ? b : a;
  page->height = landscape ? a : b;
  page->title = g_strdup (title);
  page->ops = g_array_new (FALSE, TRUE, sizeof (ScsOp));
  g_array_set_clear_func (page->ops, op_clear);
  g_ptr_array_add (report->pages, page);
  flow->page = page;
  flow->left = SCS_REPORT_MARGIN;
  flow->right = page->width - SCS_REPORT_MARGIN;
  flow->top = SCS_REPORT_MARGIN + SCS_REPORT_HEADER;
  flow->bottom = page->height - SCS_REPORT_MARGIN - SCS_REPORT_HEADER;
  flow->y = flow->top;
  flow->scale = report->options.paper == SCS_PAPER_A3 ? 1.3 : 1.0;
}

/* layouts ---------------------------------------------------------------------------------- */

/* Pango 1.50 shapes the rest of an item again for every line it breaks off it, so laying
 * out a paragraph that is one item takes time in the square of its length: a comment of
 * 100 000 'x' took 49 s, 200 000 took 175 s. Items end where attributes change, so a long
 * paragraph gets an attribute that changes nothing (font fallback on, the default) on every
 * other stretch of about SEGMENT bytes, and each stretch is shaped on its own. A stretch
 * ends after white space when there is some near, and otherwise between two clusters, never
 * inside one: a character keeps its marks, and only a kerning pair or ligature that a cut
 * falls into in a word over 512 bytes long is lost. Shorter paragraphs are left alone. */
#define SEGMENT 1024

static void
bound_items (PangoLayout *layout,
             const char  *text)
{
  gsize length = strlen (text);
  glong n_chars;
  g_autofree PangoLogAttr *log = NULL;
  PangoAttrList *attrs;
  const char *p, *start, *space = NULL;
  glong i;
  gboolean on = TRUE, long_paragraph = FALSE;

  start = text;
  for (p = text; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r')
      start = p + 1;
    else if ((gsize) (p - start) > SEGMENT)
      {
        long_paragraph = TRUE;
        break;
      }
  if (!long_paragraph)
    return;

  n_chars = g_utf8_strlen (text, length);
  log = g_new0 (PangoLogAttr, n_chars + 1);
  pango_get_log_attrs (text, length, -1, pango_language_get_default (), log, n_chars + 1);
  attrs = pango_attr_list_new ();
  start = text;
  for (p = text, i = 0; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r' || c == 0x2029)
        {
          start = g_utf8_next_char (p);
          space = NULL;
          continue;
        }
      if (i > 0 && log[i - 1].is_white && !log[i].is_white && log[i].is_cursor_position)
        space = p;
      if ((gsize) (p - start) >= SEGMENT && log[i].is_cursor_position)
        {
          const char *cut = space != NULL && space - start >= SEGMENT / 2 ? space : p;

          if (on)
            {
              PangoAttribute *a = pango_attr_fallback_new (TRUE);

              a->start_index = start - text;
              a->end_index = cut - text;
              pango_attr_list_insert (attrs, a);
            }
          on = !on;
          start = cut;
          space = NULL;
        }
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

PangoLayout *
scs_flow_new_layout (ScsFlow       *flow,
                     const char    *text,
                     double         width,
                     double         size,
                     gboolean       bold,
                     PangoAlignment align)
{
  PangoLayout *layout = pango_layout_new (flow->report->pango);
  PangoFontDescription *font = pango_font_description_from_string (scs_report_font_family ());

  pango_font_description_set_size (font, (int) (size * flow->scale * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  bound_items (layout, text != NULL ? text : "");
  return layout;
}

/* A layout of text, shared with every other cell of the same text, width and font: the
 * sheet repeats its statuses, verdicts, marks and often its comments, and shaping is what
 * laying out costs. Shared layouts are never changed; the caller owns a reference. */
PangoLayout *
scs_flow_layout (ScsFlow       *flow,
                 const char    *text,
                 double         width,
                 double         size,
                 gboolean       bold,
                 PangoAlignment align)
{
  g_autofree char *key = g_strdup_printf ("%d|%d|%d|%d|%s", (int) (width * PANGO_SCALE),
                                          (int) (size * flow->scale * PANGO_SCALE), bold, align,
                                          text != NULL ? text : "");
  PangoLayout *layout = g_hash_table_lookup (flow->report->layouts, key);

  if (layout == NULL)
    {
      layout = scs_flow_new_layout (flow, text, width, size, bold, align);
      g_hash_table_insert (flow->report->layouts, g_steal_pointer (&key), layout);
    }
  return g_object_ref (layout);
}

/* A bold first line (a title) over a plain text; either may be empty. */
PangoLayout *
scs_flow_titled_layout (ScsFlow    *flow,
                        const char *title,
                        const char *text,
                        double      width,
                        double      size)
{
  g_autoptr(GString) all = g_string_new (title);
  PangoLayout *layout;
  PangoAttrList *attrs;
  PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

  if (title != NULL && *title != '\0' && text != NULL && *text != '\0')
    g_string_append_c (all, '\n');
  g_string_append (all, text);
  layout = scs_flow_new_layout (flow, all->str, width, size, FALSE, PANGO_ALIGN_LEFT);
  attrs = pango_layout_get_attributes (layout) != NULL
          ? pango_attr_list_copy (pango_layout_get_attributes (layout)) : pango_attr_list_new ();
  bold->start_index = 0;
  bold->end_index = title != NULL ? strlen (title) : 0;
  pango_attr_list_insert (attrs, bold);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h = 0;

  if (layout == NULL)
    return 0;
  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

/* A table cell's text: none for an empty one, which saves a layout per empty cell. */
PangoLayout *
scs_flow_cell_layout (ScsFlow       *flow,
                      const char    *text,
                      double         width,
                      double         size,
                      gboolean       bold,
                      PangoAlignment align)
{
  if (text == NULL || *text == '\0')
    return NULL;
  return scs_flow_layout (flow, text, width, size, bold, align);
}

/* rows and tables -------------------------------------------------------------------------- */

ScsRow *
scs_row_new (guint n)
{
  ScsRow *row = g_new0 (ScsRow, 1);

  row->n = n;
  return row;
}

void
scs_row_free (gpointer data)
{
  ScsRow *row = data;

  for (guint i = 0; i < row->n; i++)
    {
      g_clear_object (&row->cells[i].layout);
      g_clear_object (&row->cells[i].span_text);
    }
  g_free (row);
}

static double
column_x (const ScsTable *table,
          guint           column)
{
  double x = table->x;

  for (guint i = 0; i < column; i++)
    x += table->widths[i];
  return x;
}

double
scs_table_width (const ScsTable *table)
{
  return column_x (table, table->n) - table->x;
}

double
scs_table_inner_width (const ScsTable *table,
                       guint           column)
{
  return table->widths[column] - 2 * table->pad;
}

/* A cell's text: what it shows at the top of a page, a span's repeated there. */
static PangoLayout *
cell_text (const ScsCell *cell,
           gboolean       first_on_page)
{
  if (cell->span)
    return first_on_page ? cell->span_text : NULL;
  return cell->layout;
}

static double
row_height (const ScsTable *table,
            const ScsRow   *row,
            gboolean        first_on_page)
{
  double h = 0;

  for (guint i = 0; i < row->n; i++)
    h = MAX (h, layout_height (cell_text (&row->cells[i], first_on_page)));
  return h + 2 * table->pad;
}

/* placing rows down the pages -------------------------------------------------------------- */

void
scs_flow_add_op (ScsFlow *flow,
                 ScsOp    op)
{
  if (op.layout != NULL)
    g_object_ref (op.layout);
  g_array_append_val (flow->page->ops, op);
}

static void
add_line (ScsFlow *flow,
          double   x0,
          double   y0,
          double   x1,
          double   y1,
          double   width)
{
  scs_flow_add_op (flow, (ScsOp) { .kind = OP_LINE, .x = x0, .y = y0, .w = x1 - x0, .h = y1 - y0,
                                   .gray = 0, .width = width });
}

/* Draws part of a row: from each cell's offset, h points high. */
static void
emit_row (ScsFlow        *flow,
          const ScsTable *table,
          const ScsRow   *row,
          double          h,
          const double   *offsets,
          gboolean        first_on_page)
{
  double y = flow->y;
  guint n = row->full ? 1 : row->n;

  for (guint i = 0; i < n; i++)
    {
      const ScsCell *cell = &row->cells[i];
      PangoLayout *layout = cell_text (cell, first_on_page);
      double x = column_x (table, i);
      double w = row->full ? scs_table_width (table) : table->widths[i];
      double off = offsets != NULL ? offsets[i] : 0;
      double shown = MIN (layout_height (layout) - off, h - 2 * table->pad);

      if (cell->shade > 0)
        scs_flow_add_op (flow, (ScsOp) { .kind = OP_FILL, .x = x, .y = y, .w = w, .h = h,
                                         .gray = cell->shade });
      if (layout != NULL && shown > 0)
        scs_flow_add_op (flow, (ScsOp) { .kind = OP_TEXT, .x = x + table->pad,
                                         .y = y + table->pad, .w = w - table->pad, .h = shown,
                                         .layout = layout, .clip0 = off,
                                         .clip = off > 0
                                                 || shown < layout_height (layout) - 0.01 });
      if (table->borders)
        {
          if (!cell->span || first_on_page)
            add_line (flow, x, y, x + w, y, 0.5);
          add_line (flow, x, y, x, y + h, 0.5);
        }
    }
  if (table->borders)
    {
      double right = table->x + scs_table_width (table);

      add_line (flow, right, y, right, y + h, 0.5);
    }
  flow->y += h;
}

void
scs_flow_close_table (ScsFlow *flow)
{
  if (flow->table != NULL && flow->table->borders && flow->y > flow->top)
    add_line (flow, flow->table->x, flow->y, flow->table->x + scs_table_width (flow->table),
              flow->y, 0.5);
  flow->table = NULL;
}

/* the header and its band ------------------------------------------------------------------ */

/* Whether a band cell stands over column. */
static gboolean
under_band (const ScsTable *table,
            guint           column)
{
  for (guint i = 0; table->band != NULL && i <= column && i < table->band->n; i++)
    if (table->band->cells[i].cols > 0 && i + table->band->cells[i].cols > column)
      return TRUE;
  return FALSE;
}

static double
band_height (const ScsTable *table)
{
  double h = 0;

  if (table->band == NULL)
    return 0;
  for (guint i = 0; i < table->band->n; i++)
    h = MAX (h, layout_height (table->band->cells[i].layout));
  return h + 2 * table->pad;
}

/* The header's height with its band: the band over the titles under it, or the tallest
 * title that reaches up beside the band. */
static double
header_height (const ScsTable *table)
{
  double under = 0, beside = 0;

  if (table->header == NULL)
    return 0;
  for (guint i = 0; i < table->header->n; i++)
    {
      double h = layout_height (table->header->cells[i].layout) + 2 * table->pad;

      if (under_band (table, i))
        under = MAX (under, h);
      else
        beside = MAX (beside, h);
    }
  if (table->band == NULL)
    return MAX (under, beside);
  return MAX (band_height (table) + under, beside);
}

/* A header cell: shaded, ruled above and on its left, its text centred in it. */
static void
emit_header_cell (ScsFlow        *flow,
                  const ScsTable *table,
                  const ScsCell  *cell,
                  double          x,
                  double          y,
                  double          w,
                  double          h)
{
  double text = layout_height (cell->layout);

  if (cell->shade > 0)
    scs_flow_add_op (flow, (ScsOp) { .kind = OP_FILL, .x = x, .y = y, .w = w, .h = h,
                                     .gray = cell->shade });
  if (cell->layout != NULL)
    scs_flow_add_op (flow, (ScsOp) { .kind = OP_TEXT, .x = x + table->pad,
                                     .y = y + MAX (table->pad, (h - text) / 2),
                                     .w = w - table->pad, .h = text, .layout = cell->layout });
  if (table->borders)
    {
      add_line (flow, x, y, x + w, y, 0.5);
      add_line (flow, x, y, x, y + h, 0.5);
    }
}

static void
emit_header (ScsFlow        *flow,
             const ScsTable *table)
{
  double total = header_height (table), band = band_height (table);

  for (guint i = 0; table->band != NULL && i < table->band->n; i++)
    {
      const ScsCell *cell = &table->band->cells[i];

      if (cell->cols > 0)
        emit_header_cell (flow, table, cell, column_x (table, i), flow->y,
                          column_x (table, MIN (i + cell->cols, table->n)) - column_x (table, i),
                          band);
    }
  for (guint i = 0; i < table->header->n; i++)
    {
      double top = under_band (table, i) ? band : 0;

      emit_header_cell (flow, table, &table->header->cells[i], column_x (table, i),
                        flow->y + top, table->widths[i], total - top);
    }
  if (table->borders)
    {
      double right = table->x + scs_table_width (table);

      add_line (flow, right, flow->y, right, flow->y + total, 0.5);
    }
  flow->y += total;
}

static void
begin_table (ScsFlow        *flow,
             const ScsTable *table)
{
  if (flow->table == table)
    return;
  scs_flow_close_table (flow);
  flow->table = table;
  if (table->header != NULL)
    emit_header (flow, table);
}

static void
break_page (ScsFlow *flow)
{
  const ScsTable *table = flow->table;
  ScsPage *old = flow->page;

  scs_flow_close_table (flow);
  scs_flow_new_page (flow, old->landscape, old->title);
  if (table != NULL)
    begin_table (flow, table);
}

/* A layout's lines and where they lie, measured once: a PangoLayoutIter measures all the
 * lines of its layout when it is made, and a cell cut over hundreds of pages would make one
 * per page. Layouts are never changed once laid out, so the lines stay valid. */
GArray *
scs_flow_layout_lines (PangoLayout *layout)
{
  GArray *lines = g_object_get_data (G_OBJECT (layout), "scs-report-lines");
  PangoLayoutIter *iter;

  if (lines != NULL)
    return lines;
  lines = g_array_new (FALSE, FALSE, sizeof (ScsLineBox));
  iter = pango_layout_get_iter (layout);
  do
    {
      int y0, y1;
      PangoRectangle logical;
      ScsLineBox box;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      box.y0 = (double) y0 / PANGO_SCALE;
      box.y1 = (double) y1 / PANGO_SCALE;
      box.x = (double) logical.x / PANGO_SCALE;
      box.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      box.line = pango_layout_iter_get_line_readonly (iter);
      g_array_append_val (lines, box);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_object_set_data_full (G_OBJECT (layout), "scs-report-lines", lines,
                          (GDestroyNotify) g_array_unref);
  return lines;
}

/* A row taller than the room left on a fresh page: cut between lines of each cell. */
static void
place_split_row (ScsFlow        *flow,
                 const ScsTable *table,
                 const ScsRow   *row)
{
  double offsets[SCS_REPORT_MAX_COLUMNS] = { 0 };
  GArray *lines[SCS_REPORT_MAX_COLUMNS] = { NULL };
  guint from[SCS_REPORT_MAX_COLUMNS] = { 0 };   /* each cell's first line not yet placed */
  gboolean first = flow->y <= flow->top + 0.01;

  for (guint i = 0; i < row->n; i++)
    {
      PangoLayout *layout = cell_text (&row->cells[i], TRUE);

      lines[i] = layout != NULL ? scs_flow_layout_lines (layout) : NULL;
    }
  for (;;)
    {
      double room = flow->bottom - flow->y - 2 * table->pad;
      double h = 0;
      double next[SCS_REPORT_MAX_COLUMNS] = { 0 };
      gboolean more = FALSE;

      for (guint i = 0; i < row->n; i++)
        {
          double reach = offsets[i];
          guint k;

          for (k = from[i]; lines[i] != NULL && k < lines[i]->len; k++)
            {
              double end = g_array_index (lines[i], ScsLineBox, k).y1;

              if (end <= offsets[i] + 0.01)
                continue;
              if (end - offsets[i] > room && reach > offsets[i])
                break;
              reach = end;
              if (end - offsets[i] > room)
                {
                  k++;
                  break;   /* a single line taller than the room: shown cut */
                }
            }
          from[i] = k;
          next[i] = reach;
          h = MAX (h, reach - offsets[i]);
          if (lines[i] != NULL && lines[i]->len > 0
              && reach < g_array_index (lines[i], ScsLineBox, lines[i]->len - 1).y1 - 0.01)
            more = TRUE;
        }
      emit_row (flow, table, row, h + 2 * table->pad, offsets, first);
      memcpy (offsets, next, sizeof next);
      if (!more)
        break;
      break_page (flow);
      first = TRUE;
    }
}

static double
room_on_fresh_page (ScsFlow        *flow,
                    const ScsTable *table)
{
  return flow->bottom - flow->top - header_height (table);
}

static double
pending_height (ScsFlow *flow)
{
  double h = 0;

  for (guint i = 0; i < flow->pending->len; i++)
    h += row_height (flow->pending_table, g_ptr_array_index (flow->pending, i), FALSE);
  return h;
}

void
scs_flow_flush_pending (ScsFlow *flow)
{
  for (guint i = 0; i < flow->pending->len; i++)
    {
      ScsRow *row = g_ptr_array_index (flow->pending, i);

      begin_table (flow, flow->pending_table);
      emit_row (flow, flow->pending_table, row, row_height (flow->pending_table, row, FALSE),
                NULL, FALSE);
    }
  g_ptr_array_set_size (flow->pending, 0);
}

/* Places rows (taking them over). keep: on one page when they fit on one. */
void
scs_flow_place_rows (ScsFlow        *flow,
                     const ScsTable *table,
                     GPtrArray      *rows,
                     gboolean        keep)
{
  double total = 0, first = 0, need, headers;
  gboolean fresh;

  for (guint i = 0; i < rows->len; i++)
    {
      double h = row_height (table, g_ptr_array_index (rows, i), i == 0);

      total += h;
      if (i < 2)
        first += h;   /* a group's first rows stay together: no lone band at a page's foot */
    }
  headers = pending_height (flow) + (flow->table != table ? header_height (table) : 0);
  need = keep && total <= room_on_fresh_page (flow, table) ? total : first;
  /* Rows taller than a page are cut wherever they start: a few lines' room will do. */
  if (need > room_on_fresh_page (flow, table))
    need = 60 * flow->scale;
  need += headers;
  if (flow->y + need > flow->bottom + 0.01 && flow->y > flow->top + 0.01)
    {
      scs_flow_close_table (flow);
      scs_flow_new_page (flow, flow->page->landscape, flow->page->title);
    }
  /* A group that starts a page, under nothing but its headings, never leaves them alone
   * there: its first row is cut rather than moved. */
  fresh = flow->y <= flow->top + 0.01;
  scs_flow_flush_pending (flow);
  begin_table (flow, table);

  for (guint i = 0; i < rows->len; i++)
    {
      ScsRow *row = g_ptr_array_index (rows, i);
      gboolean top = flow->y <= flow->top + header_height (table) + 0.01;
      double h = row_height (table, row, top);

      /* A row taller than a whole page is cut anyway: it starts below what precedes it,
       * its heading above all, rather than leave that alone on a page, unless only a few
       * lines' room is left. */
      gboolean cut_anyway = row_height (table, row, TRUE) > room_on_fresh_page (flow, table) + 0.01
                            || (i == 0 && fresh);

      if (flow->y + h > flow->bottom + 0.01 && !top
          && (!cut_anyway || flow->bottom - flow->y < 60 * flow->scale))
        {
          break_page (flow);
          top = TRUE;
          h = row_height (table, row, TRUE);
        }
      if (flow->y + h > flow->bottom + 0.01)
        place_split_row (flow, table, row);
      else
        emit_row (flow, table, row, h, NULL, top);
    }
  g_ptr_array_unref (rows);
}

void
scs_flow_place_row (ScsFlow        *flow,
                    const ScsTable *table,
                    ScsRow         *row)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (scs_row_free);

  g_ptr_array_add (rows, row);
  scs_flow_place_rows (flow, table, rows, TRUE);
}

void
scs_flow_skip (ScsFlow *flow,
               double   points)
{
  scs_flow_close_table (flow);
  if (flow->y > flow->top + 0.01)
    flow->y = MIN (flow->y + points * flow->scale, flow->bottom);
}

/* A table of one borderless column, across the page. */
ScsTable
scs_flow_plain_table (ScsFlow *flow)
{
  return (ScsTable) { .n = 1, .x = flow->left, .widths = { flow->right - flow->left },
                      .borders = FALSE, .pad = 1 };
}

/* A row of plain, waiting in pending until what follows it is placed. */
static void
keep_with_next (ScsFlow        *flow,
                const ScsTable *plain,
                PangoLayout    *layout)
{
  ScsRow *row = scs_row_new (1);

  row->cells[0].layout = layout;
  scs_flow_close_table (flow);
  flow->pending_table = plain;
  g_ptr_array_add (flow->pending, row);
}

/* A heading, kept on the page of what follows it. */
void
scs_flow_heading (ScsFlow        *flow,
                  const ScsTable *plain,
                  const char     *text,
                  double          size)
{
  keep_with_next (flow, plain, scs_flow_layout (flow, text, scs_table_inner_width (plain, 0), size,
                                                TRUE, PANGO_ALIGN_LEFT));
}

/* A paragraph under a heading, kept with it on the page of what follows. */
void
scs_flow_lead (ScsFlow        *flow,
               const ScsTable *plain,
               const char     *text,
               double          size)
{
  keep_with_next (flow, plain, scs_flow_layout (flow, text, scs_table_inner_width (plain, 0), size,
                                                FALSE, PANGO_ALIGN_LEFT));
}

void
scs_flow_paragraph (ScsFlow        *flow,
                    const ScsTable *plain,
                    const char     *text,
                    double          size,
                    PangoAlignment  align)
{
  ScsRow *row = scs_row_new (1);

  row->cells[0].layout = scs_flow_layout (flow, text, scs_table_inner_width (plain, 0), size, FALSE,
                                          align);
  scs_flow_place_row (flow, plain, row);
}

static double
text_width (ScsFlow    *flow,
            const char *text,
            double      size)
{
  g_autoptr(PangoLayout) layout = scs_flow_new_layout (flow, text, 0, size, TRUE, PANGO_ALIGN_LEFT);
  int w = 0;

  pango_layout_set_width (layout, -1);
  pango_layout_get_size (layout, &w, NULL);
  return (double) w / PANGO_SCALE;
}

/* The length of the word at p: up to a space or line break, or just after a hyphen
 * (“Self-” of “Self-assessed”), where a line may break too. */
static gsize
word_length (const char *p)
{
  gsize n = strcspn (p, " \n-");

  return p[n] == '-' ? n + 1 : n;
}

/* A header title in width: Pango would break Japanese between any two characters
 * (「システ/ム機能」), so the title's lines are made here, at its line breaks, spaces and
 * hyphens only, in the largest size from 6.5 pt down to 5 pt at which its widest word
 * fits. */
static PangoLayout *
header_title (ScsFlow    *flow,
              const char *title,
              double      width)
{
  const char *all = title != NULL ? title : "";
  g_autoptr(GString) text = g_string_new ("");
  gsize line = 0;   /* where the line being filled starts in text */
  double size = 6.5;

  for (; size > 5.0; size -= 0.25)
    {
      double widest = 0;

      for (const char *p = all; *p != '\0'; p += MAX (word_length (p), 1))
        {
          g_autofree char *word = g_strndup (p, word_length (p));

          widest = MAX (widest, text_width (flow, word, size));
        }
      if (widest <= width + 0.01)
        break;
    }
  /* Words fill each line as far as they fit; a line break of the title stays one. */
  for (const char *p = all; *p != '\0';)
    {
      gsize n = word_length (p);
      gsize mark = text->len;
      gboolean space = mark > line && text->str[mark - 1] != '-';

      if (space)
        g_string_append_c (text, ' ');
      g_string_append_len (text, p, n);
      if (mark > line && text_width (flow, text->str + line, size) > width + 0.01)
        {
          /* Too wide: the word starts a line of its own instead. */
          g_string_truncate (text, mark);
          g_string_append_c (text, '\n');
          line = text->len;
          g_string_append_len (text, p, n);
        }
      p += n;
      if (*p == '\n')
        {
          g_string_append_c (text, '\n');
          line = text->len;
        }
      if (*p == ' ' || *p == '\n')
        p++;
    }
  return scs_flow_layout (flow, text->str, width, size, TRUE, PANGO_ALIGN_CENTER);
}

ScsRow *
scs_flow_header_row (ScsFlow        *flow,
                     const ScsTable *table,
                     const char    **titles)
{
  ScsRow *row = scs_row_new (table->n);

  for (guint i = 0; i < table->n; i++)
    {
      row->cells[i].layout = header_title (flow, titles[i], scs_table_inner_width (table, i));
      row->cells[i].shade = 0.88;
    }
  return row;
}

ScsRow *
scs_flow_band_row (ScsFlow        *flow,
                   const ScsTable *table,
                   const char    **titles,
                   const guint    *cols)
{
  ScsRow *row = scs_row_new (table->n);

  for (guint i = 0; i < table->n; i++)
    if (titles[i] != NULL)
      {
        guint end = MIN (i + cols[i], table->n);
        double width = 0;

        for (guint k = i; k < end; k++)
          width += table->widths[k];
        row->cells[i].layout = header_title (flow, titles[i], width - 2 * table->pad);
        row->cells[i].shade = 0.88;
        row->cells[i].cols = end - i;
      }
  return row;
}

void
scs_table_set_widths (ScsTable     *table,
                      ScsFlow      *flow,
                      const double *parts,
                      guint         n)
{
  double sum = 0, room = flow->right - flow->left;

  for (guint i = 0; i < n; i++)
    sum += parts[i];
  table->n = n;
  table->x = flow->left;
  for (guint i = 0; i < n; i++)
    table->widths[i] = parts[i] * room / sum;
}

/* A form: label, value, label, value… per row, the labels shaded. */
ScsRow *
scs_flow_form_row (ScsFlow        *flow,
                   const ScsTable *table,
                   const char    **texts)
{
  ScsRow *row = scs_row_new (table->n);

  for (guint i = 0; i < table->n; i++)
    {
      /* Forms of 2 or 4 columns alternate label and value; others have one label first. */
      gboolean label = (table->n % 2 == 0 ? i % 2 == 0 : i == 0) && texts[i] != NULL;

      row->cells[i].layout = scs_flow_cell_layout (flow, texts[i], scs_table_inner_width (table, i),
                                                   8.5, label, PANGO_ALIGN_LEFT);
      if (label)
        row->cells[i].shade = 0.92;
    }
  return row;
}

