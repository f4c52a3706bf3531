/* scs-presentation.c — the engagement as slides, fullscreen on the projector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window that shows the slides: the deck, the slide on show, the overview and the
 * blank screen, the type size and the keys. Dark text on white, sized from the screen's
 * height (a 1080-line screen gets 42 px body text, nothing under 33 px), so that the back
 * of a meeting room can read it. Each slide is built afresh from the engagement
 * (scs-presentation-slides.c) when shown or when the engagement changes.
 */

#include <glib/gi18n.h>

#include "scs-presentation.h"
#include "scs-presentation-slides.h"

struct _ScsPresentation
{
  AdwWindow       parent_instance;

  ScsSlideSource  shown;       /* what the slides are made from */
  ScsEngagement  *original;    /* in the company's view: the engagement it is copied from */
  GArray         *slides;      /* of ScsSlide */
  guint           current;
  GtkStack       *stack;
  GtkWidget      *holder;      /* the slide on show goes in here */
  GtkWidget      *overview;    /* GtkFlowBox of every slide */
  GtkWidget      *counter;
  GtkCssProvider *css;
  GString        *number;      /* digits typed, for a number and Enter */
  double          screen_height;
  guint           refresh_id;
};

G_DEFINE_FINAL_TYPE (ScsPresentation, scs_presentation, ADW_TYPE_WINDOW)

/* the deck ------------------------------------------------------------------------------------ */

static void
fill_overview (ScsPresentation *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->overview)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->overview), child);
  for (guint i = 0; i < self->slides->len; i++)
    gtk_flow_box_append (GTK_FLOW_BOX (self->overview),
                         scs_slide_overview_card (&self->shown, &g_array_index (self->slides, ScsSlide, i),
                                                  i + 1, i == self->current));
}

static void
show_current (ScsPresentation *self)
{
  GtkWidget *child;
  g_autofree char *count = g_strdup_printf ("%u / %u", self->current + 1, self->slides->len);

  while ((child = gtk_widget_get_first_child (self->holder)) != NULL)
    gtk_box_remove (GTK_BOX (self->holder), child);
  gtk_box_append (GTK_BOX (self->holder),
                  scs_slide_build (&self->shown, &g_array_index (self->slides, ScsSlide, self->current)));
  gtk_label_set_text (GTK_LABEL (self->counter), count);
}

/* The company's view is a company copy made afresh from the engagement, so that what a
 * copy leaves out never reaches a slide, whatever the slide would print. */
static void
copy_source (ScsPresentation *self)
{
  g_autoptr(GError) error = NULL;
  ScsEngagement *copy = scs_company_copy_new (self->original, &self->shown.copy_options, &error);

  if (copy == NULL)
    {
      /* The plan's agreed date was cleared meanwhile: it is a draft again, not shown. */
      ScsCompanyCopyOptions without_plan = { FALSE, self->shown.copy_options.verdicts };

      copy = scs_company_copy_new (self->original, &without_plan, NULL);
    }
  g_clear_object (&self->shown.engagement);
  self->shown.engagement = copy;
}

static gboolean refresh (gpointer data);

void
scs_presentation_set_company_view (ScsPresentation             *self,
                                   const ScsCompanyCopyOptions *options)
{
  g_return_if_fail (SCS_IS_PRESENTATION (self));
  g_return_if_fail (options != NULL);

  if (self->shown.company_view)
    {
      /* What the company is given changed (the expert's sharing settings): the wall
       * follows at once, on the same slide where it is still there. */
      if (!self->shown.copy_options.plan == !options->plan && !self->shown.copy_options.verdicts == !options->verdicts)
        return;
      self->shown.copy_options = *options;
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      refresh (self);
      return;
    }
  self->shown.company_view = TRUE;
  self->shown.copy_options = *options;
  /* The engagement stays what is listened to for edits; the slides show its copy. */
  self->original = g_steal_pointer (&self->shown.engagement);
  copy_source (self);
  scs_slides_make_deck (&self->shown, self->slides);
  self->current = 0;
  show_current (self);
}

gboolean
scs_presentation_is_company_view (ScsPresentation *self)
{
  return self->shown.company_view;
}

static gboolean
refresh (gpointer data)
{
  ScsPresentation *self = data;
  ScsSlideKind kind = g_array_index (self->slides, ScsSlide, self->current).kind;
  ScsNode *node = g_array_index (self->slides, ScsSlide, self->current).node;

  self->refresh_id = 0;
  if (self->shown.company_view)
    copy_source (self);
  /* The deck may change (the diagnosis slide comes with its first answer): stay on the
   * same slide. */
  scs_slides_make_deck (&self->shown, self->slides);
  for (guint i = 0; i < self->slides->len; i++)
    if (g_array_index (self->slides, ScsSlide, i).kind == kind
        && g_array_index (self->slides, ScsSlide, i).node == node)
      self->current = i;
  self->current = MIN (self->current, self->slides->len - 1);
  show_current (self);
  if (scs_presentation_is_overview (self))
    fill_overview (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (ScsPresentation *self)
{
  /* A burst of edits (typing) redraws once. */
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (150, refresh, self);
}

/* type size ----------------------------------------------------------------------------------- */

static void
update_css (ScsPresentation *self)
{
  double base = MAX (self->screen_height, 480) / 26.0 * g_settings_get_double (self->shown.settings,
                                                                                "presentation-scale");
  g_autofree char *css = NULL;
  char b[6][G_ASCII_DTOSTR_BUF_SIZE];

  /* The small print is 0.8 of the body, but never under the minimum: at 768 lines 0.8 was
   * 23.6 px. */
  base = MAX (base, SCS_SLIDE_MIN_TEXT_PX);
  self->shown.font_size = base;
  g_ascii_dtostr (b[0], sizeof b[0], base);
  g_ascii_dtostr (b[1], sizeof b[1], base * 1.5);
  g_ascii_dtostr (b[2], sizeof b[2], base * 2.4);
  g_ascii_dtostr (b[3], sizeof b[3], MAX (base * 0.8, SCS_SLIDE_MIN_TEXT_PX));
  g_ascii_dtostr (b[4], sizeof b[4], base * 1.15);
  g_ascii_dtostr (b[5], sizeof b[5], base * 0.9);
  css = g_strdup_printf (
    "window.presentation, window.presentation .slide-holder { background: #ffffff; color: #111111; }\n"
    "window.presentation .slide { padding: %spx %spx; }\n"
    "window.presentation .slide-title { font-size: %spx; font-weight: 800; margin-bottom: %spx; }\n"
    "window.presentation .slide-huge { font-size: %spx; font-weight: 800; }\n"
    "window.presentation .slide-subtitle { font-size: %spx; font-weight: 700; margin: 12px 0; }\n"
    "window.presentation .slide-heading { font-size: %spx; font-weight: 700; margin-top: %spx; }\n"
    "window.presentation .slide-body { font-size: %spx; }\n"
    "window.presentation .slide-table { font-size: %spx; }\n"
    "window.presentation .slide-small { font-size: %spx; }\n"
    "window.presentation .dim { color: #3d3d3d; }\n"
    "window.presentation .slide-strong { font-weight: 700; }\n"
    "window.presentation .chip { font-size: %spx; font-weight: 700; padding: 2px 14px; border-radius: 8px; color: #ffffff; background: #4d4d4d; }\n"
    "window.presentation .chip.success { background: #1a7335; }\n"
    "window.presentation .chip.warning { background: #a14f00; }\n"
    "window.presentation .chip.error { background: #b3261e; }\n"
    "window.presentation .slide-item { margin: 8px 0; }\n"
    "window.presentation .counter { font-size: %spx; color: #3d3d3d; margin: 8px 24px; }\n"
    "window.presentation .overview-card { font-size: %spx; padding: 16px; margin: 8px; border: 2px solid #777777; border-radius: 8px; min-width: 10em; }\n"
    "window.presentation .overview-card.current { border: 4px solid #1c5bbf; }\n"
    "window.presentation .blank { background: #000000; }\n",
    b[0], b[1], b[1], b[0], b[2], b[1], b[4], b[0], b[0], b[5], b[3], b[3], b[3], b[3]);
  gtk_css_provider_load_from_data (self->css, css, -1);
}

double
scs_presentation_get_font_size (ScsPresentation *self)
{
  return self->shown.font_size;
}

static void
set_scale (ScsPresentation *self,
           double           factor)
{
  double scale = CLAMP (g_settings_get_double (self->shown.settings, "presentation-scale") * factor, 0.6, 2.0);

  g_settings_set_double (self->shown.settings, "presentation-scale", scale);
  update_css (self);
}

/* navigation ------------------------------------------------------------------------------------ */

void
scs_presentation_go_to (ScsPresentation *self,
                        guint            index)
{
  self->current = MIN (index, self->slides->len - 1);
  gtk_stack_set_visible_child_name (self->stack, "slide");
  show_current (self);
}

/* M: the slides go to the next monitor (when the automatic pick was the wrong one). */
static void
move_to_next_monitor (ScsPresentation *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkMonitor *now = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  guint n = g_list_model_get_n_items (monitors);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) m = g_list_model_get_item (monitors, i);

      if (m == now || now == NULL)
        {
          g_autoptr(GdkMonitor) next = g_list_model_get_item (monitors, (i + 1) % n);

          scs_presentation_start (self, next);
          return;
        }
    }
}

/* keys ------------------------------------------------------------------------------------------ */

/* Every key but a digit ends a number being typed. */
static ScsPresentation *
forget_number (GtkWidget *widget)
{
  ScsPresentation *self = SCS_PRESENTATION (widget);

  g_string_truncate (self->number, 0);
  return self;
}

static void
next_slide (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  ScsPresentation *self = forget_number (widget);

  scs_presentation_go_to (self, MIN (self->current + 1, self->slides->len - 1));
}

static void
previous_slide (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  ScsPresentation *self = forget_number (widget);

  scs_presentation_go_to (self, self->current > 0 ? self->current - 1 : 0);
}

static void
first_slide (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  scs_presentation_go_to (forget_number (widget), 0);
}

static void
last_slide (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  ScsPresentation *self = forget_number (widget);

  scs_presentation_go_to (self, self->slides->len - 1);
}

static void
toggle_blank (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  ScsPresentation *self = forget_number (widget);

  gtk_stack_set_visible_child_name (self->stack, scs_presentation_is_blank (self) ? "slide" : "blank");
}

static void
toggle_overview (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  ScsPresentation *self = forget_number (widget);

  if (scs_presentation_is_overview (self))
    gtk_stack_set_visible_child_name (self->stack, "slide");
  else
    {
      fill_overview (self);
      gtk_stack_set_visible_child_name (self->stack, "overview");
      gtk_widget_grab_focus (gtk_widget_get_first_child (self->overview));
    }
}

static void
next_monitor (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  move_to_next_monitor (forget_number (widget));
}

static void
larger (GtkWidget  *widget,
        const char *action,
        GVariant   *parameter)
{
  set_scale (forget_number (widget), 1.1);
}

static void
smaller (GtkWidget  *widget,
         const char *action,
         GVariant   *parameter)
{
  set_scale (forget_number (widget), 1 / 1.1);
}

/* Esc: out of the blank screen or the overview, else the slides close. */
static void
leave (GtkWidget  *widget,
       const char *action,
       GVariant   *parameter)
{
  ScsPresentation *self = forget_number (widget);

  if (scs_presentation_is_blank (self) || scs_presentation_is_overview (self))
    gtk_stack_set_visible_child_name (self->stack, "slide");
  else
    gtk_window_close (GTK_WINDOW (self));   /* nothing of the window is touched after */
}

static void
type_digit (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  ScsPresentation *self = SCS_PRESENTATION (widget);

  if (self->number->len < 4)
    g_string_append_c (self->number, '0' + g_variant_get_uint32 (parameter));
}

/* Enter after a number goes to that slide; else it moves on, but in the overview it is the
 * flow box's, which opens the slide under focus. */
static gboolean
enter_pressed (GtkWidget *widget,
               GVariant  *args,
               gpointer   data)
{
  ScsPresentation *self = SCS_PRESENTATION (widget);

  if (self->number->len > 0)
    {
      guint n = atoi (self->number->str);

      forget_number (widget);
      if (n >= 1 && n <= self->slides->len)
        scs_presentation_go_to (self, n - 1);
      return TRUE;
    }
  if (scs_presentation_is_overview (self))
    return FALSE;
  return gtk_widget_activate_action (widget, "presentation.next", NULL);
}

/* Up and Down move on a slide, but through the cards in the overview (the flow box's). */
static gboolean
unless_overview (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   action)
{
  if (scs_presentation_is_overview (SCS_PRESENTATION (widget)))
    return FALSE;
  return gtk_widget_activate_action (widget, action, NULL);
}

/* The keys of a clicker and of a keyboard, whatever modifier is held with them, as the slides
 * have always taken them: each a shortcut to an action. Not class bindings
 * (gtk_widget_class_add_binding_action): those come after GtkWindow's own (arrows, Space,
 * Enter and Tab move or activate the focus there, and win), they run only once the focused
 * widget has let a key go (in the overview the flow box takes the arrows, Home, End and the
 * page keys), and they match modifiers exactly. So a key controller of the window runs this
 * table before any widget sees the key (on_key_pressed); like the window's old key handler,
 * it also keeps the release of a key it took from the window, which would otherwise show
 * the focus ring in the overview. Up, Down and Enter are the flow box's in the overview:
 * their callbacks decline the key there. */
static const struct {
  guint           keyval;
  const char     *action;   /* presentation.* */
  GtkShortcutFunc unless;   /* or NULL: decides when the key is left to the overview */
} bindings[] = {
  { GDK_KEY_Right, "presentation.next", NULL },
  { GDK_KEY_Page_Down, "presentation.next", NULL },      /* what clickers send */
  { GDK_KEY_KP_Page_Down, "presentation.next", NULL },
  { GDK_KEY_space, "presentation.next", NULL },
  { GDK_KEY_Down, "presentation.next", unless_overview },
  { GDK_KEY_Return, NULL, enter_pressed },
  { GDK_KEY_KP_Enter, NULL, enter_pressed },
  { GDK_KEY_Left, "presentation.previous", NULL },
  { GDK_KEY_Page_Up, "presentation.previous", NULL },
  { GDK_KEY_KP_Page_Up, "presentation.previous", NULL },
  { GDK_KEY_BackSpace, "presentation.previous", NULL },
  { GDK_KEY_Up, "presentation.previous", unless_overview },
  { GDK_KEY_Home, "presentation.first", NULL },
  { GDK_KEY_End, "presentation.last", NULL },
  { GDK_KEY_b, "presentation.blank", NULL },             /* B too: see any_modifier */
  { GDK_KEY_period, "presentation.blank", NULL },        /* what clickers send for a blank screen */
  { GDK_KEY_g, "presentation.overview", NULL },
  { GDK_KEY_Tab, "presentation.overview", NULL },
  { GDK_KEY_m, "presentation.next-monitor", NULL },
  { GDK_KEY_plus, "presentation.larger", NULL },
  { GDK_KEY_equal, "presentation.larger", NULL },
  { GDK_KEY_KP_Add, "presentation.larger", NULL },
  { GDK_KEY_minus, "presentation.smaller", NULL },
  { GDK_KEY_KP_Subtract, "presentation.smaller", NULL },
  { GDK_KEY_Escape, "presentation.leave", NULL },
};

/* The table as shortcuts, made once for every presentation window. */
static GListStore *key_shortcuts;

/* keyval with or without Shift, Ctrl, Alt and Super. A trigger keeps a letter in lower case
 * and matches its capital with Shift, as GTK does; Shift+Tab is another key
 * (ISO_Left_Tab), which the slides leave to the window. */
static GtkShortcutTrigger *
any_modifier (guint keyval)
{
  static const GdkModifierType held[] = { GDK_CONTROL_MASK, GDK_ALT_MASK, GDK_SUPER_MASK, GDK_SHIFT_MASK };
  guint n = keyval == GDK_KEY_Tab ? G_N_ELEMENTS (held) - 1 : G_N_ELEMENTS (held);
  GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (keyval, 0);

  for (guint set = 1; set < 1u << n; set++)
    {
      GdkModifierType modifiers = 0;

      for (guint m = 0; m < n; m++)
        if (set & 1u << m)
          modifiers |= held[m];
      trigger = gtk_alternative_trigger_new (trigger, gtk_keyval_trigger_new (keyval, modifiers));
    }
  return trigger;
}

static void
add_key (guint              keyval,
         GtkShortcutAction *action,
         GVariant          *parameter)
{
  g_autoptr(GtkShortcut) shortcut = gtk_shortcut_new (any_modifier (keyval), action);

  gtk_shortcut_set_arguments (shortcut, parameter);
  g_list_store_append (key_shortcuts, shortcut);
}

static void
install_keys (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, next_slide);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, previous_slide);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, first_slide);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, last_slide);
  gtk_widget_class_install_action (widget_class, "presentation.blank", NULL, toggle_blank);
  gtk_widget_class_install_action (widget_class, "presentation.overview", NULL, toggle_overview);
  gtk_widget_class_install_action (widget_class, "presentation.next-monitor", NULL, next_monitor);
  gtk_widget_class_install_action (widget_class, "presentation.larger", NULL, larger);
  gtk_widget_class_install_action (widget_class, "presentation.smaller", NULL, smaller);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave);
  /* A number then Enter goes to that slide. */
  gtk_widget_class_install_action (widget_class, "presentation.type-digit", "u", type_digit);

  key_shortcuts = g_list_store_new (GTK_TYPE_SHORTCUT);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    add_key (bindings[i].keyval,
             bindings[i].unless != NULL
             ? gtk_callback_action_new (bindings[i].unless, (gpointer) bindings[i].action, NULL)
             : gtk_named_action_new (bindings[i].action),
             NULL);
  for (guint digit = 0; digit <= 9; digit++)
    {
      add_key (GDK_KEY_0 + digit, gtk_named_action_new ("presentation.type-digit"),
               g_variant_new_uint32 (digit));
      add_key (GDK_KEY_KP_0 + digit, gtk_named_action_new ("presentation.type-digit"),
               g_variant_new_uint32 (digit));
    }
}

static gboolean
trigger_takes (GtkShortcutTrigger *trigger,
               guint               keyval,
               GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_takes (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                          keyval, modifiers)
           || trigger_takes (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                             keyval, modifiers);
  return GTK_IS_KEYVAL_TRIGGER (trigger)
         && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
         && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

gboolean
scs_presentation_handle_key (ScsPresentation *self,
                             guint            keyval,
                             GdkModifierType  state)
{
  /* Closing may finalize the window while its action runs. */
  g_autoptr(ScsPresentation) hold = g_object_ref (self);
  GdkModifierType modifiers = state & gtk_accelerator_get_default_mod_mask ();

  /* A capital is its letter with Shift, as a trigger holds it. */
  if (gdk_keyval_to_lower (keyval) != keyval)
    {
      keyval = gdk_keyval_to_lower (keyval);
      modifiers |= GDK_SHIFT_MASK;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (key_shortcuts)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (key_shortcuts), i);

      if (trigger_takes (gtk_shortcut_get_trigger (shortcut), keyval, modifiers))
        return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (self),
                                             gtk_shortcut_get_arguments (shortcut));
    }
  return FALSE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                ScsPresentation       *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (key_shortcuts)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (key_shortcuts), i);

      if (gtk_shortcut_trigger_trigger (gtk_shortcut_get_trigger (shortcut), event, FALSE)
          == GDK_KEY_MATCH_EXACT)
        return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (self),
                                             gtk_shortcut_get_arguments (shortcut));
    }
  return FALSE;
}

static void
on_overview_activated (GtkFlowBox      *box,
                       GtkFlowBoxChild *child,
                       ScsPresentation *self)
{
  scs_presentation_go_to (self, gtk_flow_box_child_get_index (child));
}

static void
on_click (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          ScsPresentation *self)
{
  /* A click on the slide moves on, as on any projector. */
  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_SECONDARY)
    gtk_widget_activate_action (GTK_WIDGET (self), "presentation.previous", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "presentation.next", NULL);
}

/* public --------------------------------------------------------------------------------------- */

guint scs_presentation_get_n_slides (ScsPresentation *self) { return self->slides->len; }
guint scs_presentation_get_current (ScsPresentation *self) { return self->current; }

ScsSlideKind
scs_presentation_get_kind (ScsPresentation *self,
                           guint            index)
{
  g_return_val_if_fail (index < self->slides->len, SCS_SLIDE_TITLE);
  return g_array_index (self->slides, ScsSlide, index).kind;
}

GtkWidget *
scs_presentation_get_slide (ScsPresentation *self)
{
  return gtk_widget_get_first_child (self->holder);
}

gboolean
scs_presentation_is_blank (ScsPresentation *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "blank") == 0;
}

gboolean
scs_presentation_is_overview (ScsPresentation *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "overview") == 0;
}

GdkMonitor *
scs_presentation_pick_monitor (GtkWindow *main)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (main));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (main));
  GdkMonitor *own = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  GdkMonitor *pick = own;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) m = g_list_model_get_item (monitors, i);

      if (m != own)
        {
          pick = m;
          break;
        }
    }
  if (pick == NULL && g_list_model_get_n_items (monitors) > 0)
    {
      g_autoptr(GdkMonitor) first = g_list_model_get_item (monitors, 0);

      pick = first;
    }
  return pick;
}

void
scs_presentation_size_for (ScsPresentation *self,
                           int              height)
{
  self->screen_height = height;
  update_css (self);
  /* The radar's labels follow the type size: the slide on show is made again now. */
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->slides->len > 0)
    refresh (self);
}

void
scs_presentation_start (ScsPresentation *self,
                        GdkMonitor      *monitor)
{
  if (monitor != NULL)
    {
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      scs_presentation_size_for (self, geometry.height);
      /* With one monitor, plain fullscreen: not every window manager knows of monitors. */
      if (g_list_model_get_n_items (gdk_display_get_monitors (gdk_monitor_get_display (monitor))) > 1)
        gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
      else
        gtk_window_fullscreen (GTK_WINDOW (self));
    }
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
}

static void
on_settings_changed (ScsPresentation *self,
                     const char      *key)
{
  if (g_str_equal (key, "presentation-scale"))
    update_css (self);
  if (g_str_has_prefix (key, "presentation-"))
    schedule_refresh (self);   /* the radar's labels follow the type size too */
}

ScsPresentation *
scs_presentation_new (GtkApplication *application,
                      ScsEngagement  *engagement,
                      ScsFramework   *diagnosis,
                      GSettings      *settings)
{
  ScsPresentation *self = g_object_new (SCS_TYPE_PRESENTATION, "application", application, NULL);
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->shown.engagement = g_object_ref (engagement);
  self->shown.diagnosis = diagnosis != NULL ? g_object_ref (diagnosis) : NULL;
  self->shown.settings = g_object_ref (settings);
  self->screen_height = 1080;
  /* Before any other controller of the window sees a key (those the window has by now,
   * its application's shortcuts among them), as the table of keys says why. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  self->css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  update_css (self);
  g_signal_connect_swapped (engagement, "changed", G_CALLBACK (schedule_refresh), self);
  g_signal_connect_swapped (settings, "changed", G_CALLBACK (on_settings_changed), self);
  scs_slides_make_deck (&self->shown, self->slides);
  show_current (self);
  return self;
}

static void
scs_presentation_dispose (GObject *object)
{
  ScsPresentation *self = SCS_PRESENTATION (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->shown.engagement != NULL)
    g_signal_handlers_disconnect_by_data (self->shown.engagement, self);
  if (self->original != NULL)
    g_signal_handlers_disconnect_by_data (self->original, self);
  if (self->shown.settings != NULL)
    g_signal_handlers_disconnect_by_data (self->shown.settings, self);
  if (self->css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->css));
  g_clear_object (&self->css);
  g_clear_object (&self->shown.engagement);
  g_clear_object (&self->original);
  g_clear_object (&self->shown.diagnosis);
  g_clear_object (&self->shown.settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCS_TYPE_PRESENTATION);
  G_OBJECT_CLASS (scs_presentation_parent_class)->dispose (object);
}

static void
scs_presentation_finalize (GObject *object)
{
  ScsPresentation *self = SCS_PRESENTATION (object);

  g_array_unref (self->slides);
  g_string_free (self->number, TRUE);
  G_OBJECT_CLASS (scs_presentation_parent_class)->finalize (object);
}

static void
scs_presentation_class_init (ScsPresentationClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = scs_presentation_dispose;
  G_OBJECT_CLASS (klass)->finalize = scs_presentation_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               SCS_RESOURCE_PREFIX "/ui/scs-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, ScsPresentation, stack);
  gtk_widget_class_bind_template_child (widget_class, ScsPresentation, holder);
  gtk_widget_class_bind_template_child (widget_class, ScsPresentation, overview);
  gtk_widget_class_bind_template_child (widget_class, ScsPresentation, counter);
  gtk_widget_class_bind_template_callback (widget_class, on_click);
  gtk_widget_class_bind_template_callback (widget_class, on_overview_activated);
  install_keys (widget_class);
}

static void
scs_presentation_init (ScsPresentation *self)
{
  self->slides = g_array_new (FALSE, TRUE, sizeof (ScsSlide));
  self->number = g_string_new ("");
  gtk_widget_init_template (GTK_WIDGET (self));
}
