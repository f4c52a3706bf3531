#!/usr/bin/env python3
# scs-members.py — writes scs-members.h from the record tables of scs-engagement.c
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every member of every record gets a name constant, SCS_M_<RECORD>_<MEMBER> for its JSON
# name (what the scs_record_* accessors and the bindings take) and SCS_P_<RECORD>_<MEMBER>
# for its property name ('-' for '_', what "notify::" needs). Views, render and tests use
# the constants, so a misspelt member fails to compile. The tables stay the one place a
# member is declared: this script reads them, and refuses a table line it cannot read.

import re
import sys

TABLE_START = re.compile(r'^static const ScsField (\w+)\[\] = \{')
# STR (ScsCompany, name) …, and the written-out form { "name", KIND, G_STRUCT_OFFSET (T, m) …
SHORT = re.compile(r'^\s*(STR|ID|CHOICE|DATE|TIME|BOOL|INT|STRV|OBJECT|LIST) \((Scs\w+), (\w+)')
LONG_START = re.compile(r'^\s*\{ "(\w+)", (SCS_FIELD_\w+), G_STRUCT_OFFSET \((Scs\w+), (\w+)\)')


def snake(type_name):
    name = type_name[len('Scs'):]
    return re.sub(r'(?<!^)(?=[A-Z])', '_', name).upper()


def read_tables(path):
    records = {}  # type name -> [member, ...] in table order
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    i = 0
    while i < len(lines):
        if not TABLE_START.match(lines[i]) or lines[i].rstrip().endswith('};'):
            i += 1
            continue
        i += 1
        while not lines[i].startswith('};'):
            line = lines[i]
            stripped = line.strip()
            short = SHORT.match(line)
            long = LONG_START.match(line)
            if short:
                records.setdefault(short.group(2), []).append(short.group(3))
            elif long:
                if long.group(1) != long.group(4):
                    sys.exit(f'{path}:{i + 1}: JSON name {long.group(1)} differs from the '
                             f'struct member {long.group(4)}')
                records.setdefault(long.group(3), []).append(long.group(1))
            elif stripped.startswith('{') or stripped.startswith(tuple(
                    k + ' ' for k in ('STR', 'ID', 'CHOICE', 'DATE', 'TIME', 'BOOL', 'INT',
                                      'STRV', 'OBJECT', 'LIST'))):
                sys.exit(f'{path}:{i + 1}: cannot read this table line: {stripped}')
            # anything else: a continuation line or a comment
            i += 1
        i += 1
    # one-line tables: static const ScsField x[] = { STR (T, a), STR (T, b) };
    for line in lines:
        m = re.match(r'^static const ScsField \w+\[\] = \{(.*)\};\s*$', line)
        if m:
            for short in re.finditer(r'(?:STR|ID|CHOICE|DATE|TIME|BOOL|INT|STRV|OBJECT|LIST) '
                                     r'\((Scs\w+), (\w+)', m.group(1)):
                records.setdefault(short.group(1), []).append(short.group(2))
    return records


def main():
    source, output = sys.argv[1], sys.argv[2]
    records = read_tables(source)
    if not records:
        sys.exit(f'{source}: no record tables found')
    out = ['/* scs-members.h — written by scs-members.py from scs-engagement.c: do not edit',
           ' *',
           ' * SCS_M_<RECORD>_<MEMBER>: the member\'s JSON name, as the scs_record accessors and',
           ' * the bindings take it. SCS_P_<RECORD>_<MEMBER>: its property name, for "notify::".',
           ' */',
           '#pragma once',
           '']
    for type_name in sorted(records):
        prefix = snake(type_name)
        out.append(f'/* {type_name} */')
        for member in records[type_name]:
            const = f'{prefix}_{member.upper()}'
            out.append(f'#define SCS_M_{const} "{member}"')
            out.append(f'#define SCS_P_{const} "{member.replace("_", "-")}"')
        out.append('')
    out.append('/* Every member as X (get_type function, JSON name): the record test checks the list')
    out.append(' * against the classes\' tables. */')
    out.append('#define SCS_MEMBER_LIST(X) \\')
    for type_name in sorted(records):
        for member in records[type_name]:
            out.append(f'  X (scs_{snake(type_name).lower()}_get_type, "{member}") \\')
    out.append('')
    out.append('')
    with open(output, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out))


main()
