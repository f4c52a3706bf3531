#!/usr/bin/python3
"""What a screen reader hears: the accessible tree of every view, read over AT-SPI.

Starts the app on an X server and an accessibility bus of this test's own, once with no
file (the welcome page and the New dialog) and once on a copy of the example engagement
(the criterion page, each page of the Engagement view, the Dashboard, the Export and
Import dialogs, the presentation), in English and in Japanese. Every push button, toggle
button, check box, switch, entry, text field, combo and menu button must have a name, and
not a class name ("GtkImage"), a mnemonic mark ("_Open") or the same phrase twice ("Note
Note"). All offenders are listed, each with the view and the path to it.

Usage: test-a11y.py APP SOURCE_ROOT LOCALEDIR
"""
import gettext, os, re, shutil, signal, subprocess, sys, tempfile, time

app, source_root, localedir = sys.argv[1:4]
example = os.path.join(source_root, "data", "samples", "example-aaa.scsa")
count = 0
failures = 0


def check(name, ok, detail=""):
    global count, failures
    count += 1
    print(("ok %d - %s" if ok else "not ok %d - %s") % (count, name), flush=True)
    if not ok:
        failures += 1
        for line in str(detail).splitlines():
            print("# " + line)


def private_display():
    """An X server of this test's own, so that keys sent and windows searched for never
    meet the windows of tests running beside it. -noreset: see test-crash-recovery.py."""
    r, w = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", "1366x768x24",
                               "-nolisten", "tcp", "-noreset"], pass_fds=(w,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(w)
    number = b""
    while not number.endswith(b"\n"):
        chunk = os.read(r, 16)
        if not chunk:
            break
        number += chunk
    os.close(r)
    return server, ":" + number.decode().strip()


# The app keeps fatal warnings; pyatspi's own (GTK 4.8 has no AT-SPI cache) are not ours.
APP_G_DEBUG = os.environ.pop("G_DEBUG", "")
xserver, DISPLAY = private_display()
# The accessibility bus of this D-Bus session (meson runs the test in dbus-run-session).
bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                       env=dict(os.environ, DISPLAY=DISPLAY),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
time.sleep(0.5)
import pyatspi  # noqa: E402 (after the bus is up)

CONTROLS = {"push button", "toggle button", "check box", "switch", "radio button", "entry",
            "text", "password text", "spin button", "combo box", "menu button"}
# A mnemonic mark: an underline before a letter, in any script.
MNEMONIC = re.compile(r"_[^\W\d_]")
LONG_LIST = 15
CLASS_NAME = re.compile(r"^(Gtk|Adw|Scs)[A-Z]")


def problem(name):
    """What a screen reader would get wrong about this name, or None."""
    if name.strip() == "":
        return "no name"
    if CLASS_NAME.match(name):
        return "a class name"
    if MNEMONIC.search(name):
        return "a mnemonic mark"
    folded = name.casefold().replace("_", "")
    for i, c in enumerate(folded):
        if c == " " and folded[:i].strip() and folded[:i].strip() == folded[i + 1:].strip():
            return "the same phrase twice"
    return None


def walk(acc, path, found):
    """Every control under acc as (role, name, path)."""
    try:
        role = acc.getRoleName()
        name = acc.name or ""
        n = acc.childCount
    except Exception:
        return
    if role in CONTROLS:
        where = path
        try:
            if acc.description:
                where = "tooltip %r, in %s" % (acc.description, path)
        except Exception:
            pass
        found.append((role, name, where))
    # Where it is, by the names around it: "…/Scope/list/Owner".
    here = path + "/" + (name if name and role not in CONTROLS else role)[:40]
    # A long list (the requirement tree's 200 rows, a checklist's items) is made of rows
    # built alike: its first and last few stand for it, and keep the walk to seconds.
    indices = range(n)
    if n > LONG_LIST:
        indices = list(range(LONG_LIST - 3)) + list(range(n - 3, n))
    for i in indices:
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            walk(child, here, found)


def find_app(pid, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            a = desktop.getChildAtIndex(i)
            try:
                if a is not None and a.get_process_id() == pid:
                    return a
            except Exception:
                pass
        time.sleep(0.2)
    return None


def frames(application):
    out = []
    for i in range(application.childCount):
        f = application.getChildAtIndex(i)
        if f is not None:
            out.append(f)
    return out


def wait_for(predicate, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return predicate()


def plain(text):
    """A label as GTK shows it: no mnemonic mark, "(_I)" or "_I"."""
    return re.sub(r"\(_?[A-Za-z]\)", "", text or "").replace("_", "")


def find(acc, role, name, depth=0):
    """The first control under acc of this role and one of these names (marks aside)."""
    try:
        if acc.getRoleName() == role and plain(acc.name) in [plain(n) for n in name]:
            return acc
        n = acc.childCount
    except Exception:
        return None
    for i in range(n):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            return None
        hit = child is not None and find(child, role, name, depth + 1)
        if hit:
            return hit
    return None


def press(acc):
    """Clicks a button, or the button inside it (a menu button's)."""
    for target in [acc] + [acc.getChildAtIndex(i) for i in range(acc.childCount)]:
        try:
            action = target.queryAction()
            if action.nActions > 0:
                action.doAction(0)
                return True
        except Exception:
            pass
    return False


def xdo(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=30,
                          env=dict(os.environ, DISPLAY=DISPLAY))


def key_to(title, keys):
    """Sends keys to the window of this title: the pointer over it, as without a window
    manager the keyboard goes where the pointer is."""
    windows = xdo("search", "--onlyvisible", "--name", "^" + re.escape(title) + "$").stdout.split()
    if not windows:
        return False
    xdo("mousemove", "--window", windows[-1], "20", "20")
    for k in keys:
        xdo("key", "--clearmodifiers", k)
        time.sleep(0.1)
    return True


class App:
    def __init__(self, lang, tmp, args):
        env = dict(os.environ, DISPLAY=DISPLAY, GTK_A11Y="atspi", G_DEBUG=APP_G_DEBUG, LANGUAGE=lang,
                   LC_ALL="C.UTF-8", LANG="C.UTF-8", SCS_ASSESSOR_LOCALEDIR=localedir,
                   SCS_ASSESSOR_RECOVERY_DIR=os.path.join(tmp, "recovery"),
                   GTK_USE_PORTAL="0", GSETTINGS_BACKEND="memory",
                   XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CONFIG_HOME=os.path.join(tmp, "config"),
                   XDG_STATE_HOME=os.path.join(tmp, "state"), XDG_CACHE_HOME=os.path.join(tmp, "cache"))
        # Under AddressSanitizer: GTK 4.8's AT-SPI backend keeps what it hands a screen
        # reader's D-Bus calls (g_hash_table_get_keys_as_array and g_strdup inside libgtk,
        # from the D-Bus dispatch), which LeakSanitizer reports at exit. Those answers are
        # GTK's; the app's own objects are leak-checked by the in-process tests, which run
        # the same windows with GTK_A11Y=test. Every other sanitizer check stays on here.
        if "ASAN_OPTIONS" in env:
            env["ASAN_OPTIONS"] += ":detect_leaks=0"
        # Its warnings go to the test's log as they come.
        self.proc = subprocess.Popen([app, *args], env=env, stdout=subprocess.DEVNULL)
        self.acc = find_app(self.proc.pid)

    def windows(self):
        return frames(self.acc) if self.acc is not None else []

    def main(self):
        w = self.windows()
        return w[0] if w else None

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        return "exit status %s" % self.proc.returncode


offenders = {}
walked = {}


def survey(lang, view, acc):
    """Walks one view (a window's accessible tree) and keeps what is wrong in it."""
    found = []
    began = time.time()
    if acc is not None:
        walk(acc, "", found)
    print("# %s, %s: %d controls in %.1f s" % (lang, view, len(found), time.time() - began))
    walked[(lang, view)] = len(found)
    for role, name, path in found:
        why = problem(name)
        if why:
            offenders.setdefault((lang, view), []).append("%s %r: %s (%s)" % (role, name, why, path))
    return found


def new_window(app_, before):
    """The window that was not there before."""
    def newest():
        now = app_.windows()
        names = [w.name for w in before]
        extra = [w for w in now if w.name not in names]
        return extra[-1] if extra else None
    return wait_for(newest, 20)


def dialog(lang, view, app_, main, keys, close=("Escape",)):
    """Opens a window with keys sent to the main window, walks it and closes it."""
    before = app_.windows()
    key_to(main.name, keys)
    win = new_window(app_, before)
    check("%s: %s opens" % (lang, view), win is not None, [w.name for w in app_.windows()])
    if win is None:
        return
    time.sleep(0.5)
    survey(lang, view, win)
    title = win.name
    key_to(title, close)
    wait_for(lambda: len(app_.windows()) <= len(before), 10)


def engagement_pages(main):
    """The Engagement view's list of pages and its pages, by the classes GTK names them
    after (the same in every language)."""
    view = find(main, "filler", ("ScsEngagementPage",))
    if view is None or view.childCount == 0:
        return None, []
    box = view.getChildAtIndex(0)
    if box.childCount < 2:
        return None, []
    lst = find_role(box.getChildAtIndex(0), "list")
    pages = box.getChildAtIndex(1)
    return lst, [pages.getChildAtIndex(i) for i in range(pages.childCount)]


def find_role(acc, role):
    if acc.getRoleName() == role:
        return acc
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        hit = child is not None and find_role(child, role)
        if hit:
            return hit
    return None


start = time.time()
for lang in ("C", "ja"):
    _ = gettext.translation("scs-assessor", localedir, [lang], fallback=True).gettext
    with tempfile.TemporaryDirectory() as tmp:
        # No file: the welcome page and the New dialog.
        a = App(lang, tmp, [])
        main = wait_for(a.main, 30)
        check("%s: the app starts with its welcome window" % lang, main is not None)
        if main is not None:
            time.sleep(1.0)
            survey(lang, "welcome", main)
            dialog(lang, "New dialog", a, main, ["ctrl+n"])
        a.stop()

        path = os.path.join(tmp, "engagement.scsa")
        shutil.copy(example, path)
        company = os.path.join(tmp, "company.scsa")
        subprocess.run([app, "--company-copy=" + company, path], check=True,
                       capture_output=True, env=dict(os.environ, LANGUAGE=lang))
        a = App(lang, tmp, [path])
        main = wait_for(lambda: (a.main() if a.main() is not None
                                 and a.main().name.startswith("AAA") else None), 30)
        check("%s: the app opens the example" % lang, main is not None,
              [w.name for w in a.windows()])
        if main is None:
            a.stop()
            continue
        time.sleep(1.0)
        survey(lang, "criterion page", main)

        key_to(main.name, ["ctrl+alt+2"])
        lst, pages = wait_for(lambda: engagement_pages(main) if engagement_pages(main)[0] else None,
                              10) or (None, [])
        check("%s: the Engagement view lists its pages" % lang,
              lst is not None and lst.childCount == len(pages) >= 6, len(pages))
        for i, page in enumerate(pages):
            try:
                lst.querySelection().selectChild(i)
                shown = lst.querySelection().isChildSelected(i)
            except Exception as e:
                shown = e
            check("%s: page %s shows" % (lang, page.name), shown is True, shown)
            time.sleep(0.3)
            survey(lang, "Engagement: " + page.name, page)

        key_to(main.name, ["ctrl+alt+3"])
        dashboard = wait_for(lambda: find(main, "filler", ("ScsDashboardPage",)), 10)
        check("%s: the Dashboard shows" % lang, dashboard is not None)
        time.sleep(0.5)
        survey(lang, "Dashboard", dashboard)
        key_to(main.name, ["ctrl+alt+1"])
        time.sleep(0.3)

        dialog(lang, "Export dialog", a, main, ["ctrl+e"])

        # Import: the main menu's item (it has no shortcut), GTK's file chooser (not
        # walked: not the app's), then the app's dialog.
        import_item = _("_Import the Company’s Self-Assessment…")
        menu = find(main, "push button", (_("Main Menu"),))
        item = None
        if menu is not None:
            press(menu)
            item = wait_for(lambda: find(menu, "menu item", (import_item,))
                            or find(main, "menu item", (import_item,)), 10)
        check("%s: the main menu offers Import" % lang, item is not None)
        if item is not None:
            before = a.windows()
            press(item)
            chooser = new_window(a, before)
            check("%s: Import asks for a file" % lang, chooser is not None)
            if chooser is not None:
                # The file's address in the chooser's location field, then its button. A
                # chooser still reading its folder may drop the text: try again.
                before = [w for w in a.windows() if w.name != chooser.name]
                win = []
                for attempt in range(3):
                    time.sleep(0.5)
                    key_to(chooser.name, ["ctrl+l"])
                    field = wait_for(lambda: find(chooser, "text", ("GtkFileChooserEntry",)), 10)
                    if field is not None:
                        field.queryEditableText().setTextContents(company)
                    # Its button's label may change: Return in the field does the same.
                    take = find(chooser, "push button", (_("Co_mpare"), _("_Compare")))
                    if take is None or not press(take):
                        key_to(chooser.name, ["Return"])
                    win = wait_for(lambda: [w for w in a.windows()
                                            if w.name not in [b.name for b in before]
                                            and find(w, "push button", (_("_Take the Ticked Answers"),))],
                                   15)
                    if win:
                        break
                check("%s: Import dialog opens" % lang, bool(win), [w.name for w in a.windows()])
                if win:
                    time.sleep(0.5)
                    survey(lang, "Import dialog", win[-1])
                    cancel = find(win[-1], "push button", (_("_Cancel"),))
                    if cancel is None or not press(cancel):
                        key_to(win[-1].name, ["Escape"])
                    wait_for(lambda: len(a.windows()) <= len(before), 10)

        dialog(lang, "presentation", a, main, ["F5"])
        err = a.stop()
        check("%s: the app ends cleanly" % lang, a.proc.returncode == 0, err)

bus.terminate()
xserver.terminate()
for (lang, view), problems in sorted(offenders.items()):
    check("%s, %s: every control has a name a screen reader can say" % (lang, view), False,
          "\n".join(problems))
# The presentation is slides and no control; every other view has some, or it was not seen.
check("every view with controls was walked and its controls found",
      all(n > 0 for (lang, view), n in walked.items() if view != "presentation")
      and len([v for (lang, v) in walked if lang == "C"]) >= 14
      and len([v for (lang, v) in walked if lang == "ja"]) == len([v for (lang, v) in walked if lang == "C"]),
      sorted(walked.items()))
print("# %.1f s" % (time.time() - start))
print("1..%d" % count)
