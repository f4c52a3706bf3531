#!/usr/bin/python3
# test-mnemonics.py — fails when two mnemonics that can be on screen together use the same
# key, in English or in the Japanese of po/ja.po, and when a Japanese translation drops the
# mnemonic its English has. Static, like check-translations.sh: it reads ui/*.ui, the C
# sources and po/ja.po, and groups the labels by where they show together:
#  - a window or dialog (.ui file) shows its own widgets, one page of each stack in it and
#    the pages (other .ui templates) those hold: every such combination is a group; the
#    labels a C file puts into its .ui file's widgets join them;
#  - each menu is a group (a submenu its own), with the items C adds to it;
#  - elsewhere in C, the labels of one function are one group (a message dialog's
#    responses, a file chooser's accept button with the “_Cancel” GTK puts beside it).
# Usage: test-mnemonics.py SOURCE_ROOT

import os
import re
import sys
import xml.etree.ElementTree as ET

src = sys.argv[1] if len(sys.argv) > 1 else '.'

# ---- po/ja.po ---------------------------------------------------------------------------


def unquote(s):
    return bytes(s, 'utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')


def read_po(path):
    entries = {}
    ctxt = msgid = msgstr = None
    field = None

    def flush():
        if msgid is not None and msgstr:
            entries[(ctxt, msgid)] = msgstr

    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if line.startswith('#') or not line:
            if field == 'msgstr':
                flush()
                ctxt = msgid = msgstr = None
                field = None
            continue
        m = re.match(r'(msgctxt|msgid|msgid_plural|msgstr(?:\[0\])?) "(.*)"$', line)
        if m:
            key, value = m.group(1), unquote(m.group(2))
            if key == 'msgctxt':
                if field == 'msgstr':
                    flush()
                    msgid = msgstr = None
                ctxt, field = value, 'msgctxt'
            elif key == 'msgid':
                if field == 'msgstr':
                    flush()
                    ctxt = msgstr = None
                msgid, field = value, 'msgid'
            elif key == 'msgid_plural':
                field = 'plural'
            else:
                msgstr, field = value, 'msgstr'
        elif line.startswith('"'):
            value = unquote(line[1:-1])
            if field == 'msgctxt':
                ctxt += value
            elif field == 'msgid':
                msgid += value
            elif field == 'msgstr':
                msgstr += value
    if field == 'msgstr':
        flush()
    return entries


ja = read_po(os.path.join(src, 'po', 'ja.po'))

# ---- what a label's mnemonic is ---------------------------------------------------------


def mnemonic(text):
    m = re.search(r'_([^_\s])', text)
    return m.group(1).lower() if m else None


def is_label(text):
    # File name templates such as “%s_company-copy.scsa” carry an underscore, not a key.
    return mnemonic(text) is not None and '%' not in text


groups = {}   # name -> list of (ctxt, msgid)


def add(group, ctxt, msgid):
    if is_label(msgid):
        groups.setdefault(group, []).append((ctxt, msgid))


# ---- ui files ---------------------------------------------------------------------------

LABEL_PROPERTIES = {'label', 'title', 'text'}


menu_ids = {}   # a menu's or section's id -> its group, for items added from C


def walk_ui(elem, group, path, menu_count):
    for child in elem:
        if child.tag in ('menu', 'submenu'):
            menu_count[0] += 1
            if child.get('id'):
                menu_ids[child.get('id')] = '%s menu %d' % (path, menu_count[0])
            walk_ui(child, '%s menu %d' % (path, menu_count[0]), path, menu_count)
            continue
        if child.tag == 'section' and child.get('id'):
            menu_ids[child.get('id')] = group
        if (child.tag == 'attribute' and child.get('translatable') == 'yes'
                and child.get('name') in LABEL_PROPERTIES and child.text):
            add(group, child.get('context'), child.text)
        walk_ui(child, group, path, menu_count)


def template_file(cls):
    # ScsCriterionPage -> ui/scs-criterion-page.ui
    return 'ui/' + re.sub(r'(?<!^)([A-Z])', r'-\1', cls).lower() + '.ui'


STACKS = {'GtkStack', 'AdwViewStack'}


def screens(elem):
    """The label sets that can be on screen together in elem: its own labels, one child of
    each stack, and the screens of the templates it holds."""
    base, alternatives = [], []

    def visit(e):
        for child in e:
            if child.tag in ('menu', 'submenu'):
                continue
            if child.tag == 'object' and child.get('class') in STACKS:
                pages = [s for page in child if page.tag == 'child' for s in screens(page)]
                alternatives.append(pages or [[]])
                continue
            if child.tag == 'object' and os.path.exists(os.path.join(src, template_file(child.get('class', '')))):
                alternatives.append(file_screens(template_file(child.get('class'))))
            # A page made when first shown goes into an AdwBin named for it (“engagement_bin”).
            lazy = 'ui/scs-%s-page.ui' % (child.get('id') or '')[:-len('_bin')].replace('_', '-')
            if (child.tag == 'object' and child.get('class') == 'AdwBin'
                    and (child.get('id') or '').endswith('_bin') and os.path.exists(os.path.join(src, lazy))):
                alternatives.append(file_screens(lazy))
            if (child.tag == 'property' and child.get('translatable') == 'yes'
                    and child.get('name') in LABEL_PROPERTIES and child.text and is_label(child.text)):
                base.append((child.get('context'), child.text))
            visit(child)

    visit(elem)
    combined = [base]
    for pages in alternatives:
        combined = [c + p for c in combined for p in pages]
    return combined


_file_screens = {}


def file_screens(rel):
    if rel not in _file_screens:
        _file_screens[rel] = [[]]   # a template that holds itself ends here
        own = screens(ET.parse(os.path.join(src, rel)).getroot())
        _file_screens[rel] = [s + c_labels.get(rel, []) for s in own]
    return _file_screens[rel]


ui_dir = os.path.join(src, 'ui')
for name in sorted(os.listdir(ui_dir)):
    if name.endswith('.ui'):
        rel = 'ui/' + name
        walk_ui(ET.parse(os.path.join(ui_dir, name)).getroot(), rel, rel, [0])

# ---- C files ----------------------------------------------------------------------------

STRING = r'"(?:[^"\\]|\\.)*"'
CALL = re.compile(r'\b(N?_|N?C_)\s*\(\s*(?:(' + STRING + r')\s*,\s*)?((?:' + STRING + r'\s*)+)\)')


def c_string(literals):
    return ''.join(unquote(s[1:-1]) for s in re.findall(STRING, literals))


c_labels = {}   # a .ui file -> the labels its C file puts into its widgets

# “cond ? _("Open the _Plan Item") : _("Create a _Plan Item")” gives one widget one label or the
# other, never both on screen: the two may share a key.
TERNARY = re.compile(r'\?\s*N?_\s*\(\s*((?:' + STRING + r'\s*)+)\)\s*:\s*N?_\s*\(\s*((?:' + STRING + r'\s*)+)\)')
alternatives = set()

for root, _dirs, files in os.walk(os.path.join(src, 'app')):
    for name in sorted(files):
        if not name.endswith('.c'):
            continue
        rel = os.path.relpath(os.path.join(root, name), src)
        text = open(os.path.join(root, name), encoding='utf-8').read()
        for m in TERNARY.finditer(text):
            alternatives.add(frozenset((c_string(m.group(1)), c_string(m.group(2)))))
        own_ui = 'ui/%s.ui' % name[:-2]
        has_ui = os.path.exists(os.path.join(src, own_ui))
        # Top-level functions open with “{” and close with “}” in the first column.
        for n, body in enumerate(re.findall(r'^\{\n(.*?)^\}', text, re.S | re.M)):
            chooser = 'GTK_FILE_CHOOSER_ACTION_' in body
            # A message dialog or a file chooser is a window of its own.
            own_window = chooser or 'adw_message_dialog' in body
            group = '%s function %d' % (rel, n)
            for m in CALL.finditer(body):
                ctxt = c_string(m.group(2)) if m.group(2) else None
                label = (ctxt, c_string(m.group(3)))
                if not is_label(label[1]):
                    continue
                if has_ui and not own_window:
                    c_labels.setdefault(own_ui, []).append(label)
                else:
                    add(group, *label)
            if chooser:
                add(group, None, '_Cancel')
            # An item added at run time to a menu (or section) of a .ui file joins it.
            for m in re.finditer(r'g_menu_(?:append|insert|prepend)\w*\s*\(\s*(?:\w+->)?(\w+)\s*,'
                                 r'\s*(?:\w+\s*,\s*)?_\(((?:' + STRING + r'\s*)+)\)', body):
                if m.group(1) in menu_ids:
                    add(menu_ids[m.group(1)], None, c_string(m.group(2)))

# ---- the checks -------------------------------------------------------------------------

for name in sorted(os.listdir(ui_dir)):
    if name.endswith('.ui'):
        for n, labels in enumerate(file_screens('ui/' + name)):
            if labels:
                groups['ui/%s (screen %d)' % (name, n + 1)] = labels

failures = []
n_checked = 0
for group, labels in sorted(groups.items()):
    for lang in ('en', 'ja'):
        seen = {}
        for ctxt, msgid in labels:
            text = msgid if lang == 'en' else ja.get((ctxt, msgid))
            if text is None:
                continue   # check-translations.sh reports missing translations
            key = mnemonic(text)
            if key is None:
                if lang == 'ja':
                    failures.append('%s: “%s” has no mnemonic in ja.po (“%s”)' % (group, msgid, text))
                continue
            n_checked += 1
            other, other_msgid = seen.setdefault(key, (text, msgid))
            if other != text and frozenset((msgid, other_msgid)) not in alternatives:
                failures.append('%s (%s): “%s” and “%s” both use %s'
                                % (group, lang, other, text, key.upper()))

failures = sorted(set(failures))
for f in failures:
    print('not ok - ' + f)
print('%d mnemonics checked in %d groups, %d problems' % (n_checked, len(groups), len(failures)))
sys.exit(1 if failures else 0)
