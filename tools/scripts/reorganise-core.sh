#!/usr/bin/env bash
# Re-arranges src/OrderToCash.Core as ADR 0130 describes: one folder per feature named as docs/CONTEXT.md names it,
# Processes/ (the contracts with workflows/), Numbering/, Reasons/, Infrastructure/ and Demo/. Namespaces follow folders.
#
# Re-runnable: a file still in an old place (say a branch added Collections/BankStatement.cs before the move) is moved
# and its namespace and every `using` / qualified name that points at an old namespace is rewritten, in src/, tools/
# and tests/. Files already in place are left alone, so running it twice changes nothing the second time.
#
#   tools/scripts/reorganise-core.sh          # move and rewrite, then build to see what is left
#
# EF migrations stay where they are (Persistence/Migrations, their namespace unchanged); only their `using` of the
# provider contexts is rewritten, and the CLR type names the model snapshots and the latest designers quote.
set -euo pipefail
cd "$(dirname "$0")/../.."
core=src/OrderToCash.Core

# --- The map: old place (folder or file, relative to Core) -> new folder. A folder moves with everything in it. ---
map=(
  "Analytics                                Kpis"
  "Collections                              Payments"
  "Cycle                                    Invoicing"
  "Simulation                               Demo"
  "Workflows                                Infrastructure/Workflows"
  "Rules                                    Infrastructure/Rules"
  "Scheduling                               Infrastructure/Scheduling"
  "Hosting                                  Infrastructure/Hosting"
  "Housekeeping                             Infrastructure/Housekeeping"
  "Security                                 Infrastructure/Security"
  "Persistence/Providers                    Infrastructure/Persistence/Providers"
  "Persistence/*.cs                         Infrastructure/Persistence"
  "Invoicing/PaymentTerms.cs                Customers"
  "Invoicing/PaymentTermBasis.cs            Customers"
  "Invoicing/PaymentTermsInput.cs           Customers"
  "Invoicing/CycleMessages.cs               Processes"
  "Invoicing/InvoiceNumbering.cs            Numbering"
  "Invoicing/InvoiceNumberSeries.cs         Numbering"
  "Invoicing/InvoiceNumberSeriesConfiguration.cs Numbering"
  "ShippedContent.cs                        Infrastructure/Content"
  "RepositoryFolder.cs                      Infrastructure/Content"
  "Infrastructure/Rules/RuleFolder.cs       Infrastructure/Content"
  "Disputes/ReasonCode.cs                   Reasons"
  "Disputes/ReasonCodeConfiguration.cs      Reasons"
  "Disputes/ReasonCodeFile.cs               Reasons"
  "Disputes/ReasonCodeLoader.cs             Reasons"
  "Disputes/ReasonTaxonomy.cs               Reasons"
)

# Namespaces whose every type moved to one new namespace: `using`s and qualified names are rewritten as text.
# (Order matters: the longer name first.)
namespaces=(
  "OrderToCash.Core.Persistence.Providers   OrderToCash.Core.Infrastructure.Persistence.Providers"
  "OrderToCash.Core.Analytics               OrderToCash.Core.Kpis"
  "OrderToCash.Core.Collections             OrderToCash.Core.Payments"
  "OrderToCash.Core.Cycle                   OrderToCash.Core.Invoicing"
  "OrderToCash.Core.Simulation              OrderToCash.Core.Demo"
  "OrderToCash.Core.Workflows               OrderToCash.Core.Infrastructure.Workflows"
  "OrderToCash.Core.Rules                   OrderToCash.Core.Infrastructure.Rules"
  "OrderToCash.Core.Scheduling              OrderToCash.Core.Infrastructure.Scheduling"
  "OrderToCash.Core.Hosting                 OrderToCash.Core.Infrastructure.Hosting"
  "OrderToCash.Core.Housekeeping            OrderToCash.Core.Infrastructure.Housekeeping"
  "OrderToCash.Core.Security                OrderToCash.Core.Infrastructure.Security"
  "OrderToCash.Core.Persistence             OrderToCash.Core.Infrastructure.Persistence"
)

# Types that left a namespace that still exists: "old namespace  new namespace  type...". Qualified names are
# rewritten, and files that use a type get the new namespace's `using`.
moved_types=(
  "OrderToCash.Core.Invoicing  OrderToCash.Core.Customers  PaymentTerms PaymentTermBasis PaymentTermsInput"
  "OrderToCash.Core.Invoicing  OrderToCash.Core.Processes  CycleMessages"
  "OrderToCash.Core.Invoicing  OrderToCash.Core.Numbering  InvoiceNumbering InvoiceNumberSeries InvoiceNumberSeriesConfiguration"
  "OrderToCash.Core                      OrderToCash.Core.Infrastructure.Content  ShippedContent ShippedFile RepositoryFolder"
  "OrderToCash.Core.Infrastructure.Rules OrderToCash.Core.Infrastructure.Content  RuleFolder"
  "OrderToCash.Core.Disputes   OrderToCash.Core.Reasons    ReasonCode ReasonKind ReasonCodeFile ReasonCodeLoader ReasonTaxonomy ReasonCodeConfiguration"
)

# Members that moved to another type: "old  new  namespace of the new type". Each feature owns its rule-set name,
# on the input model the rule set is written against; OrderToCashRuleSets keeps only the catalog.
moved_members=(
  "OrderToCashRuleSets.CreditLimit     CreditCheckInput.RuleSet     OrderToCash.Core.Credit"
  "OrderToCashRuleSets.PaymentTerms    PaymentTermsInput.RuleSet    OrderToCash.Core.Customers"
  "OrderToCashRuleSets.Escalation      EscalationInput.RuleSet      OrderToCash.Core.Dunning"
  "OrderToCashRuleSets.DisputeRouting  DisputeRoutingInput.RuleSet  OrderToCash.Core.Disputes"
  "OrderToCashRuleSets.RootCause       RootCauseInput.RuleSet       OrderToCash.Core.RootCauses"
  "OrderToCashRuleSets.ControlTower    QueueInput.RuleSet           OrderToCash.Core.ControlTower"
)

# --- 1. Move the files (git mv), keeping Persistence/Migrations where it is. ---
moved=0
for entry in "${map[@]}"; do
  read -r from to <<<"$entry"
  for path in $core/$from; do
    [[ -e $path ]] || continue
    if [[ -d $path ]]; then
      while IFS= read -r file; do
        dest=$core/$to/${file#"$core/$from/"}
        mkdir -p "$(dirname "$dest")"
        git mv "$file" "$dest"
        moved=$((moved + 1))
      done < <(find "$path" -type f -not -path '*/Migrations/*')
      find "$path" -depth -type d -empty -delete
    elif [[ $path == *.cs ]]; then
      mkdir -p "$core/$to"
      git mv "$path" "$core/$to/$(basename "$path")"
      moved=$((moved + 1))
    fi
  done
done

# --- 2. Rewrite namespaces, usings and qualified names in src/, tools/ and tests/. ---
python3 - "$core" "${#namespaces[@]}" "${namespaces[@]}" "${#moved_types[@]}" "${moved_types[@]}" "${moved_members[@]}" <<'PY'
import os, re, sys, subprocess
core = sys.argv[1]
n = int(sys.argv[2])
ns_map = [e.split() for e in sys.argv[3:3 + n]]
m = int(sys.argv[3 + n])
type_map = [(e.split()[0], e.split()[1], e.split()[2:]) for e in sys.argv[4 + n:4 + n + m]]
member_map = [e.split() for e in sys.argv[4 + n + m:]]
keep = r"(?!\.Migrations)"  # the migrations keep their namespace

def folder_namespace(path):
    rel = os.path.relpath(os.path.dirname(path), core)
    return "OrderToCash.Core" + ("" if rel == "." else "." + rel.replace("/", "."))

# Inside Core a folder's namespace is also written by its last name alone (Persistence.OwnerOnlyFiles).
short_forms = {"Collections": "Payments", "Analytics": "Kpis", "Simulation": "Demo",
               "Persistence": "Infrastructure.Persistence", "Security": "Infrastructure.Security",
               "Scheduling": "Infrastructure.Scheduling", "Housekeeping": "Infrastructure.Housekeeping",
               "Hosting": "Infrastructure.Hosting", "Workflows": "Infrastructure.Workflows"}

def rewrite_core_short_forms(text):
    for old, new in short_forms.items():
        text = re.sub(r"(?<![\w.])" + old + keep + r"(?=\.[A-Z][A-Za-z]+\b)", new, text)
    return text

def rewrite_names(text):
    for old, new in ns_map:
        text = re.sub(r"(?<![\w.])" + re.escape(old) + keep + r"(?=[.;\s\"#>),])", new, text)
        # Partly qualified, as in Core.Rules.RuleFolder from inside OrderToCash.*
        short_old, short_new = old.removeprefix("OrderToCash."), new.removeprefix("OrderToCash.")
        text = re.sub(r"(?<![\w.])" + re.escape(short_old) + keep + r"(?=\.[A-Z])", short_new, text)
    for old, new, names in type_map:
        for t in names:
            text = re.sub(r"(?<![\w.])" + re.escape(old + "." + t) + r"\b", new + "." + t, text)
            text = re.sub(r"(?<![\w.])" + re.escape(old.removeprefix("OrderToCash.") + "." + t) + r"\b", new.removeprefix("OrderToCash.") + "." + t, text)
            # Partly qualified from inside Core, as in Invoicing.CycleMessages
            text = re.sub(r"(?<![\w.])" + re.escape(old.rsplit(".", 1)[1] + "." + t) + r"\b", new.rsplit(".", 1)[1] + "." + t, text)
    return text

def add_usings(text, needed):
    lines = text.split("\n")
    usings = [i for i, l in enumerate(lines) if re.match(r"using [A-Za-z0-9_.]+;$", l)]
    new = [f"using {ns};" for ns in sorted(needed) if f"using {ns};" not in lines]
    if not new:
        return text
    if not usings:
        return "\n".join(new) + "\n\n" + text
    return sort_usings("\n".join(lines[:usings[-1] + 1] + new + lines[usings[-1] + 1:]))

def sort_usings(text):
    lines = text.split("\n")
    usings = [i for i, l in enumerate(lines) if re.match(r"using [A-Za-z0-9_.]+;$", l)]
    if not usings or usings[-1] - usings[0] + 1 != len(usings):
        return text
    block = [lines[i] for i in usings]
    key = lambda l: l.rstrip(";")
    system = sorted({l for l in block if l.startswith("using System")}, key=key)
    others = sorted({l for l in block if not l.startswith("using System")}, key=key)
    return "\n".join(lines[:usings[0]] + system + others + lines[usings[-1] + 1:])

def uses_type(body, name):
    """The name used as a type, not as a member (string ReasonCode, / ReasonCode = ...)."""
    for hit in re.finditer(r"(?<![\w.])" + re.escape(name) + r"\b", body):
        before, after = body[:hit.start()], body[hit.end():]
        if re.search(r"(typeof|nameof)\(\s*$|<\s*$", before) or not re.match(r"\s*(=[^=>]|:|,|;|\)|\})", after):
            return True
    return False

def dedupe_usings(text):
    seen, out = set(), []
    for line in text.split("\n"):
        if re.match(r"using [A-Za-z0-9_.]+;$", line):
            if line in seen:
                continue
            seen.add(line)
        out.append(line)
    return "\n".join(out)

files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "src", "tools", "tests"], capture_output=True, text=True, check=True).stdout.split()
files = [f for f in files if f.endswith(".cs") and os.path.exists(f)]
# The model snapshots and each provider's latest designer quote entity CLR names: they follow the types.
quoting = set()
for d in sorted({os.path.dirname(f) for f in files if "/Persistence/Migrations/" in f}):
    designers = sorted(f for f in files if os.path.dirname(f) == d and f.endswith(".Designer.cs"))
    quoting.update(f for f in files if os.path.dirname(f) == d and f.endswith("ModelSnapshot.cs"))
    quoting.update(designers[-1:])

for f in files:
    text = open(f, encoding="utf-8").read()
    original = text
    if "// Stored job name" in text:
        continue  # a class that keeps its old full name on purpose (ADR 0130)
    if "/Persistence/Migrations/" in f:
        lines = text.split("\n")
        text = "\n".join(rewrite_names(l) if l.startswith("using ") or f in quoting else l for l in lines)
    else:
        if f.startswith(core + "/"):
            text = re.sub(r"^namespace [A-Za-z0-9_.]+;", f"namespace {folder_namespace(f)};", text, count=1, flags=re.M)
        text = rewrite_names(text)
        if f.startswith(core + "/"):
            text = rewrite_core_short_forms(text)
        declared = re.search(r"^namespace ([A-Za-z0-9_.]+);", text, flags=re.M)
        declared = declared.group(1) if declared else ""
        body = re.sub(r"//.*", "", text)
        needed = set()
        for old, new, ns in member_map:
            if re.search(r"(?<![\w.])" + re.escape(old) + r"\b", text):
                text = re.sub(r"(?<![\w.])" + re.escape(old) + r"\b", new, text)
                if declared != ns:
                    needed.add(ns)
        for old, new, names in type_map:
            if declared == new:
                continue
            old_visible = declared == old or declared.startswith(old + ".") or re.search(r"^using " + re.escape(old) + ";", text, flags=re.M)
            if old_visible and any(uses_type(body, t) for t in names):
                needed.add(new)
        text = add_usings(text, needed)
        if text != original:
            text = sort_usings(dedupe_usings(text))
    if text != original:
        with open(f, "w", encoding="utf-8") as w:
            w.write(text)
PY

echo "Moved $moved files. Build to see what is left: dotnet build OrderToCash.sln -c Release -warnaserror -p:SkipWebBuild=true"
