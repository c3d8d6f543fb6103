#!/usr/bin/env bash
# The module graph of src/ as the code has it: which modules (files) use which, and the
# loops among them. `bash scripts/module_graph.sh calendar events invitations
# registrations` looks at the modules of those capability folders only.
set -euo pipefail
cd "$(dirname "$0")/../src"
python3 - "$@" <<'PY'
import os, re, sys
modules = {}
for root, _, files in os.walk('.'):
    for name in files:
        if name.endswith('.rs'):
            path = os.path.join(root, name)[2:-3]
            parts = path.split('/')
            if parts[-1] == 'mod': parts = parts[:-1]
            if parts in (['lib'], ['main']): continue
            modules['::'.join(parts)] = os.path.join(root, name)
def resolve(path, here):
    """The longest known module a `crate::...` or `super::...` path names."""
    parts = path.split('::')
    if parts[0] == 'super':
        base = here.split('::')[:-1]
        while parts and parts[0] == 'super':
            parts = parts[1:]
        parts = base + parts
    elif parts[0] == 'crate':
        parts = parts[1:]
    else:
        return None
    for n in range(len(parts), 0, -1):
        name = '::'.join(parts[:n])
        if name in modules: return name
    return None
uses = {m: set() for m in modules}
for m, file in modules.items():
    text = open(file, encoding='utf-8').read()
    text = re.sub(r'(?s)#\[cfg\(test\)\]\s*mod tests.*', '', text)
    # `use a::{b, c::{d}}` flattened to a::b, a::c::d
    for group in re.findall(r'use\s+((?:crate|super)[^;]*);', text):
        group = re.sub(r'\s+', '', group)
        def expand(prefix, rest):
            if not rest.startswith('{'):
                yield prefix + rest; return
            depth, item, items = 0, '', []
            for ch in rest[1:-1]:
                if ch == ',' and depth == 0: items.append(item); item = ''; continue
                depth += ch == '{'; depth -= ch == '}'; item += ch
            if item: items.append(item)
            for it in items:
                if '{' in it:
                    head, tail = it.split('{', 1)
                    yield from expand(prefix + head, '{' + tail)
                else:
                    yield prefix + it.split(' as ')[0]
        head, _, tail = group.partition('{')
        paths = expand(head, '{' + tail) if tail else [group]
        for p in paths:
            target = resolve(p.split('as')[0].rstrip(':'), m)
            if target and target != m: uses[m].add(target)
    for p in re.findall(r'\b((?:crate|super)(?:::\w+)+)', text):
        target = resolve(p, m)
        if target and target != m: uses[m].add(target)
watch = sys.argv[1:]
def inside(m): return not watch or m.split('::')[0] in watch
nodes = [m for m in sorted(modules) if inside(m)]
index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]
sys.setrecursionlimit(10000)
def strong(v):
    index[v] = low[v] = counter[0]; counter[0] += 1; stack.append(v); on.add(v)
    for w in uses[v]:
        if not inside(w): continue
        if w not in index:
            strong(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v: break
        if len(comp) > 1: sccs.append(sorted(comp))
for v in nodes:
    if v not in index: strong(v)
folders = sorted({m.split('::')[0] for m in nodes})
for f in folders:
    out = sorted({u.split('::')[0] for m in nodes if m.split('::')[0] == f for u in uses[m] if inside(u)} - {f})
    print(f"{f} -> {', '.join(out) or '-'}")
print(f"{len(nodes)} modules; loops among them: {len(sccs)}")
for c in sccs: print("  loop:", " , ".join(c))
PY
