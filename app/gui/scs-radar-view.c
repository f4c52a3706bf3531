/* scs-radar-view.c — the radar chart as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drawing is render/'s, as in the exported images; the widget brings the theme's
 * colours, tooltips with exact values, a click on an axis that opens its subcategory
 * (signal "axis-activated"), and a description of every value for assistive technology.
 */
#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "scs-radar-view.h"

struct _ScsRadarView
{
  GtkWidget       parent_instance;

  ScsRadarData   *data;
  gboolean        show_values;
  ScsRadarLayout  layout;        /* as last drawn, for hit testing */
  gboolean        has_layout;
  GdkTexture     *frame;         /* grid, labels and legend of that layout, as an image */
  char           *frame_key;     /* what it was drawn from */
  GPtrArray      *series;        /* Layer per series, an image of its extent */
  gboolean        light;         /* always the light palette (slides on white) */
  double          font_size;     /* pixels; 0: from the size */
  guint           frames_drawn;  /* how often the frame and a series were drawn anew, */
  guint           series_drawn;  /* for tests */
};

typedef struct {
  char           *key;           /* what the series was drawn from */
  GdkTexture     *texture;       /* NULL: nothing to draw */
  graphene_rect_t rect;          /* where it goes */
} Layer;

G_DEFINE_FINAL_TYPE (ScsRadarView, scs_radar_view, GTK_TYPE_WIDGET)

static void
layer_free (gpointer data)
{
  Layer *layer = data;

  if (layer == NULL)
    return;
  g_free (layer->key);
  g_clear_object (&layer->texture);
  g_free (layer);
}

enum { AXIS_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
forget_layout (ScsRadarView *self)
{
  if (self->has_layout)
    scs_radar_layout_clear (&self->layout);
  self->has_layout = FALSE;
  g_clear_object (&self->frame);
  g_clear_pointer (&self->frame_key, g_free);
  if (self->series != NULL)
    g_ptr_array_set_size (self->series, 0);
}

static void
color_from_rgba (ScsRadarColor *color,
                 const GdkRGBA *rgba)
{
  color->red = rgba->red;
  color->green = rgba->green;
  color->blue = rgba->blue;
  color->alpha = rgba->alpha;
}

void
scs_radar_view_get_style (ScsRadarView  *self,
                          ScsRadarStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA rgba;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (adw_style_manager_get_dark (manager) && !self->light)
    scs_radar_style_init_dark (style);
  else
    scs_radar_style_init_light (style);
  gtk_style_context_get_color (context, &rgba);
  color_from_rgba (&style->foreground, &rgba);
  style->grid = style->foreground;
  style->grid.alpha = adw_style_manager_get_high_contrast (manager) ? 0.7 : 0.3;
  if (gtk_style_context_lookup_color (context, "window_bg_color", &rgba))
    color_from_rgba (&style->background, &rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (adw_style_manager_get_high_contrast (manager))
    style->line_width = 3;
  style->show_values = self->show_values;
  if (self->font_size > 0)
    style->font_size = style->min_font_size = self->font_size;
}

static void
update_description (ScsRadarView *self)
{
  g_autofree char *text = self->data != NULL ? scs_radar_data_describe (self->data) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text != NULL ? text : "", -1);
}

/* A cleared image of rect at the widget's scale, to draw into in widget coordinates. */
static cairo_t *
layer_begin (const graphene_rect_t *rect,
             int                    scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) ceil (rect->size.width * scale),
                                                         (int) ceil (rect->size.height * scale));
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_surface_destroy (surface);
  cairo_translate (cr, -rect->origin.x, -rect->origin.y);
  return cr;
}

/* The image drawn, as a texture that keeps the pixels without copying them. */
static GdkTexture *
layer_end (cairo_t *cr)
{
  cairo_surface_t *surface = cairo_get_target (cr);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) height * stride,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  cairo_destroy (cr);
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

/* The chart is kept as images: the frame (grid, labels, legend), laid out and drawn again
 * only when what it shows changes (the size, the theme, the axes, the legend), and each
 * series over it, as large as its own extent, drawn again only when its own values or
 * style change. An edit of one verdict thus draws one or two series, not the chart. */
static void
scs_radar_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  ScsRadarView *self = SCS_RADAR_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  const graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  g_autofree char *key = NULL;
  ScsRadarStyle style;

  if (self->data == NULL || self->data->axes->len < SCS_RADAR_MIN_AXES ||
      self->data->axes->len > SCS_RADAR_MAX_AXES || width < 50 || height < 50)
    {
      forget_layout (self);
      return;
    }
  scs_radar_view_get_style (self, &style);
  /* On screen, never smaller than the interface's small print; on a slide, the size set
   * (this used to override it, leaving slides' labels at 12–14 px). */
  if (self->font_size <= 0)
    style.font_size = MAX (13, MIN (width, height) / 45.0);
  {
    g_autofree char *frame_key = scs_radar_frame_key (self->data, &style, width, height);

    key = g_strdup_printf ("%s\x1f%d", frame_key, scale);
  }
  if (self->frame == NULL || g_strcmp0 (key, self->frame_key) != 0)
    {
      cairo_t *cr = layer_begin (&bounds, scale);
      PangoContext *context = pango_cairo_create_context (cr);

      forget_layout (self);
      scs_radar_layout_compute (&self->layout, context, self->data, &style, width, height);
      self->has_layout = TRUE;
      scs_radar_draw_frame (cr, &self->layout, self->data, &style, width);
      g_object_unref (context);
      self->frame = layer_end (cr);
      self->frame_key = g_steal_pointer (&key);
      self->frames_drawn++;
    }
  gtk_snapshot_append_texture (snapshot, self->frame, &bounds);

  if (self->series->len != self->data->series->len)
    g_ptr_array_set_size (self->series, self->data->series->len);
  for (guint i = 0; i < self->data->series->len; i++)
    {
      g_autofree char *series_key = scs_radar_series_key (self->data, &style, i);
      Layer *layer = g_ptr_array_index (self->series, i);

      if (layer == NULL || g_strcmp0 (layer->key, series_key) != 0)
        {
          double x, y, w, h;

          layer_free (layer);
          layer = g_new0 (Layer, 1);
          layer->key = g_steal_pointer (&series_key);
          /* Each series as an image of its own extent, within the widget. */
          scs_radar_series_extents (&self->layout, self->data, &style, i, &x, &y, &w, &h);
          graphene_rect_init (&layer->rect, x, y, w, h);
          if (graphene_rect_intersection (&layer->rect, &bounds, &layer->rect) &&
              layer->rect.size.width >= 1 && layer->rect.size.height >= 1)
            {
              cairo_t *cr = layer_begin (&layer->rect, scale);

              scs_radar_draw_series (cr, &self->layout, self->data, &style, i);
              layer->texture = layer_end (cr);
            }
          g_ptr_array_index (self->series, i) = layer;
          self->series_drawn++;
        }
      if (layer->texture != NULL)
        gtk_snapshot_append_texture (snapshot, layer->texture, &layer->rect);
    }
  if (!scs_radar_data_has_values (self->data))
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

      scs_radar_draw_empty_note (cr, &self->layout, self->data, &style);
      cairo_destroy (cr);
    }
}

void
scs_radar_view_get_draw_counts (ScsRadarView *self,
                                guint        *frames,
                                guint        *series)
{
  *frames = self->frames_drawn;
  *series = self->series_drawn;
}

int
scs_radar_view_axis_at (ScsRadarView *self,
                        double        x,
                        double        y)
{
  const ScsRadarGeometry *g = &self->layout.geometry;
  double reach = self->layout.font_size;

  if (!self->has_layout)
    return -1;
  for (guint i = 0; i < g->n_axes; i++)
    {
      const ScsRadarAxisGeometry *a = &g->axes[i];

      if ((x >= a->label_x && x <= a->label_x + a->label_width &&
           y >= a->label_y && y <= a->label_y + a->label_height) ||
          hypot (x - a->x, y - a->y) <= reach)
        return i;
    }
  return -1;
}

/* The series' values at the nearest vertex within reach, or the axis under the pointer. */
static gboolean
on_query_tooltip (GtkWidget    *widget,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  ScsRadarView *self)
{
  const ScsRadarGeometry *g = &self->layout.geometry;
  double best = self->layout.font_size, vx, vy;
  int axis = scs_radar_view_axis_at (self, x, y);
  g_autoptr(GString) text = NULL;
  const ScsRadarAxis *a;

  if (!self->has_layout || self->data == NULL)
    return FALSE;
  for (guint s = 0; axis < 0 && s < self->data->series->len; s++)
    {
      const ScsRadarSeries *series = g_ptr_array_index (self->data->series, s);

      for (guint i = 0; i < g->n_axes; i++)
        {
          if (series->values[i] < 0)
            continue;
          scs_radar_geometry_point (g, i, MIN (series->values[i], 1), &vx, &vy);
          if (hypot (x - vx, y - vy) < best)
            {
              best = hypot (x - vx, y - vy);
              axis = i;
            }
        }
    }
  if (axis < 0)
    return FALSE;

  a = g_ptr_array_index (self->data->axes, axis);
  text = g_string_new (NULL);
  g_string_append_printf (text, "<b>%s</b> ", a->id);
  g_string_append_printf (text, "%s", a->title);
  for (guint s = 0; s < self->data->series->len; s++)
    {
      const ScsRadarSeries *series = g_ptr_array_index (self->data->series, s);
      g_autofree char *value = scs_radar_format_value (series, axis);
      g_autofree char *line = g_markup_printf_escaped ("\n%s: %s", series->name, value);

      g_string_append (text, line);
    }
  gtk_tooltip_set_markup (tooltip, text->str);
  return TRUE;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            ScsRadarView    *self)
{
  int axis = scs_radar_view_axis_at (self, x, y);
  const ScsRadarAxis *a;

  if (axis < 0 || self->data == NULL)
    return;
  a = g_ptr_array_index (self->data->axes, axis);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[AXIS_ACTIVATED], 0, a->id);
}

static void
on_style_changed (ScsRadarView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
scs_radar_view_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (scs_radar_view_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
scs_radar_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 360 : 320;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 720 : 560;
}

void
scs_radar_view_set_data (ScsRadarView *self,
                         ScsRadarData *data)
{
  if (self->data != data)
    g_clear_pointer (&self->data, scs_radar_data_free);
  self->data = data;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const ScsRadarData *
scs_radar_view_get_data (ScsRadarView *self)
{
  return self->data;
}

void
scs_radar_view_set_show_values (ScsRadarView *self,
                                gboolean      show_values)
{
  self->show_values = show_values;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
scs_radar_view_dispose (GObject *object)
{
  ScsRadarView *self = SCS_RADAR_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  forget_layout (self);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->data, scs_radar_data_free);
  G_OBJECT_CLASS (scs_radar_view_parent_class)->dispose (object);
}

static void
scs_radar_view_class_init (ScsRadarViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = scs_radar_view_dispose;
  widget_class->snapshot = scs_radar_view_snapshot;
  widget_class->measure = scs_radar_view_measure;
  widget_class->css_changed = scs_radar_view_css_changed;

  /* An axis (its label or its spoke's end) was clicked: the subcategory id. */
  signals[AXIS_ACTIVATED] = g_signal_new ("axis-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_set_css_name (widget_class, "radar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
scs_radar_view_init (ScsRadarView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->series = g_ptr_array_new_with_free_func (layer_free);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (on_style_changed), self);
  g_signal_connect_swapped (manager, "notify::high-contrast", G_CALLBACK (on_style_changed), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Radar chart of conformance and maturity by subcategory"), -1);
}

GtkWidget *
scs_radar_view_new (void)
{
  return g_object_new (SCS_TYPE_RADAR_VIEW, NULL);
}

void
scs_radar_view_set_light (ScsRadarView *self,
                          gboolean      light)
{
  self->light = light;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const ScsRadarLayout *
scs_radar_view_get_layout (ScsRadarView *self)
{
  g_return_val_if_fail (SCS_IS_RADAR_VIEW (self), NULL);
  return self->has_layout ? &self->layout : NULL;
}

void
scs_radar_view_set_font_size (ScsRadarView *self,
                              double        font_size)
{
  self->font_size = font_size;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
