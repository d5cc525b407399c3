#!/usr/bin/env bash
# Re-arranges src/OrderToCash.Host/Features as ADR 0130 describes: one folder per feature, named as Core names it
# (Dunning, Disputes, Reasons, Invoicing, Orders, Payments…), no umbrella folders (Remind, Cycle). Namespaces follow
# folders. The sibling of reorganise-core.sh, re-runnable the same way: a file a branch added in an old folder (say
# Features/Remind/ReminderTemplatePreview.cs) is moved, its namespace rewritten, and every file of the host and the
# tests that uses one of the moved types gets the new namespace's `using`.
#
#   tools/scripts/reorganise-host.sh          # move and rewrite, then build to see what is left
#
# Umbrella mappers (RemindEndpoints.MapRemind, CycleEndpoints.MapCycle) are gone: OrderToCashComposition maps each
# feature. A branch that added a Map call to one of them adds it to OrderToCashComposition.MapOrderToCash instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
features=src/OrderToCash.Host/Features

# --- The map: old place (folder or file, relative to Features) -> new folder. The folder entry comes last: it takes
# the files no file entry named (a new reminder file lands in Dunning). ---
map=(
  "Remind/DisputeEndpoints.cs           Disputes"
  "Remind/DisputeView.cs                Disputes"
  "Remind/LifecycleEndpoints.cs         Disputes"
  "Remind/ReasonEndpoints.cs            Reasons"
  "Remind/VisibleInvoices.cs            Invoicing"
  "Remind/PromiseEndpoints.cs           Dunning"
  "Remind/ReminderEndpoints.cs          Dunning"
  "Remind/ReminderTemplateEndpoints.cs  Dunning"
  "Remind                               Dunning"
  "Invoices                             Invoicing"
  "Cycle                                Orders"
)
# The umbrella mappers, deleted rather than moved.
umbrellas=("Remind/RemindEndpoints.cs" "Cycle/CycleEndpoints.cs")
old_namespaces=(OrderToCash.Host.Features.Remind OrderToCash.Host.Features.Cycle OrderToCash.Host.Features.Invoices)

for u in "${umbrellas[@]}"; do
  [[ -e $features/$u ]] && git rm -q "$features/$u"
done

moved=()
for entry in "${map[@]}"; do
  read -r from to <<<"$entry"
  path=$features/$from
  [[ -e $path ]] || continue
  if [[ -d $path ]]; then
    while IFS= read -r file; do
      dest=$features/$to/${file#"$path/"}
      mkdir -p "$(dirname "$dest")"
      git mv "$file" "$dest"
      moved+=("$dest")
    done < <(find "$path" -type f -name '*.cs')
    find "$path" -depth -type d -empty -delete
  else
    mkdir -p "$features/$to"
    git mv "$path" "$features/$to/$(basename "$path")"
    moved+=("$features/$to/$(basename "$path")")
  fi
done

# --- Namespaces follow folders; files that use a type of an old namespace get the new one's `using`. ---
python3 - "$features" "${#old_namespaces[@]}" "${old_namespaces[@]}" <<'PY'
import os, re, sys, subprocess
features = sys.argv[1]
old = sys.argv[3:3 + int(sys.argv[2])]

def folder_namespace(path):
    rel = os.path.relpath(os.path.dirname(path), features)
    return "OrderToCash.Host.Features" + ("" if rel == "." else "." + rel.replace("/", "."))

files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "src/OrderToCash.Host", "tests", "tools"],
                       capture_output=True, text=True, check=True).stdout.split()
files = [f for f in files if f.endswith(".cs") and os.path.exists(f)]

# 1. Each feature file declares its folder's namespace; remember the types (and extension methods) each declares and
# the files whose namespace changed.
declared_in, extensions, changed = {}, {}, set()
for f in files:
    if not f.startswith(features + "/"):
        continue
    text = open(f, encoding="utf-8").read()
    ns = folder_namespace(f)
    new = re.sub(r"^namespace [A-Za-z0-9_.]+;", f"namespace {ns};", text, count=1, flags=re.M)
    if new != text:
        open(f, "w", encoding="utf-8").write(new)
        changed.add(f)
    for name in re.findall(r"^(?:internal|public)\s+(?:static\s+|sealed\s+|abstract\s+|partial\s+|readonly\s+)*(?:class|record(?:\s+struct)?|struct|enum|interface)\s+(\w+)", new, flags=re.M):
        declared_in[name] = ns
    for name in re.findall(r"static [\w<>\[\],?. ]+ (\w+)\(this ", new):
        extensions[name] = ns

def uses_type(body, name):
    """The name used as a type, not as a member or a parameter's name (string CustomerId,)."""
    for hit in re.finditer(r"(?<![\w.])" + re.escape(name) + r"\b", body):
        before, after = body[:hit.start()], body[hit.end():]
        if re.search(r"(typeof|nameof)\(\s*$|<\s*$", before) or not re.match(r"\s*(=[^=>]|:|,|;|\)|\})", after):
            return True
    return False

def sort_usings(lines):
    idx = [i for i, l in enumerate(lines) if re.match(r"using [A-Za-z0-9_.]+;$", l)]
    if not idx or idx[-1] - idx[0] + 1 != len(idx):
        return lines
    block = sorted({lines[i] for i in idx}, key=lambda l: (not l.startswith("using System"), l.rstrip(";")))
    return lines[:idx[0]] + block + lines[idx[-1] + 1:]

# 2. A file whose namespace changed, or that names an old namespace: the old `using`s go, qualified names follow their
# type, and it gets the `using` of each feature type it uses from another folder.
for f in files:
    text = open(f, encoding="utf-8").read()
    names_old = any(re.search(r"(?<![\w.])(OrderToCash\.Host\.)?" + re.escape(o.removeprefix("OrderToCash.Host.")) + r"\b", text) for o in old)
    if f not in changed and not names_old:
        continue
    m = re.search(r"^namespace ([A-Za-z0-9_.]+);", text, flags=re.M)
    own = m.group(1) if m else ""
    out = "\n".join(l for l in text.split("\n") if l.rstrip(";").removeprefix("using ") not in old)
    for o in old:
        short = o.removeprefix("OrderToCash.Host.")
        for name, ns in declared_in.items():
            out = re.sub(r"(?<![\w.])(OrderToCash\.Host\.)?" + re.escape(short) + r"\." + name + r"\b",
                         lambda h: (h.group(1) or "") + ns.removeprefix("OrderToCash.Host.") + "." + name, out)
    lines = out.split("\n")
    body = re.sub(r"//.*", "", "\n".join(l for l in lines if not l.startswith("using ")))
    needed = {ns for name, ns in declared_in.items() if ns != own and uses_type(body, name)}
    needed |= {ns for name, ns in extensions.items() if ns != own and re.search(r"\." + re.escape(name) + r"\(", body)}
    present = {l for l in lines if l.startswith("using ")}
    add = [f"using {ns};" for ns in sorted(needed) if f"using {ns};" not in present]
    if add:
        idx = [i for i, l in enumerate(lines) if re.match(r"using [A-Za-z0-9_.]+;$", l)]
        at = idx[-1] + 1 if idx else 0
        lines = lines[:at] + add + ([""] if not idx else []) + lines[at:]
    new = "\n".join(sort_usings(lines))
    if new != text:
        open(f, "w", encoding="utf-8").write(new)
PY

echo "Moved ${#moved[@]} files. Build to see what is left: dotnet build OrderToCash.sln -c Release -warnaserror -p:SkipWebBuild=true"
