#!/usr/bin/env bash
# Smoke test of the `dotnet new` template, as a user gets it:
#   pack template/ -> install the .nupkg into a throwaway dotnet home -> dotnet new clean-template -n NAME
#   -> no "CleanTemplate" left in any name or content -> build (warnings are errors) -> test
#   -> dotnet new clean-usecase (a command, a query) in it -> check, build and test again.
#   A name the template must refuse (one starting with a digit) is tried too.
#
# Usage: build/template-smoke.sh [RESULTS_DIR] [NAME] [dotnet new options...]
#   RESULTS_DIR receives the .trx files of the generated solution's tests (kept; default: a temp dir, removed).
#   NAME defaults to My-App: a hyphen, so folders and files (My-App.Web) differ from namespaces (My_App.Web).
# Not part of generated solutions (excluded in .template.config/template.json).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NAME="${2:-My-App}"
NEW_OPTIONS=("${@:3}")

# Everything temporary lives under one folder; its name must not contain "cleantemplate".
WORK="$(mktemp -d "${TMPDIR:-/tmp}/tpl-smoke.XXXXXX")"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

RESULTS="${1:-$WORK/results}"
mkdir -p "$RESULTS"
RESULTS="$(cd "$RESULTS" && pwd)"
OUT="$WORK/$NAME"

# Keep NuGet's package folder and package sources; everything else of the dotnet home is throwaway,
# so the installed template does not leak into the user's `dotnet new list`.
export NUGET_PACKAGES="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
nuget_config="${DOTNET_CLI_HOME:-$HOME}/.nuget/NuGet/NuGet.Config"
export DOTNET_CLI_HOME="$WORK/home"
mkdir -p "$DOTNET_CLI_HOME/.nuget/NuGet"
if [[ -f "$nuget_config" ]]; then
  cp "$nuget_config" "$DOTNET_CLI_HOME/.nuget/NuGet/NuGet.Config"
fi
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() {
  local title="$1"; shift
  local start=$SECONDS
  local status=0
  echo "==> [smoke] $title"
  "$@" || status=$?
  local outcome="$((SECONDS - start))s"
  [[ $status -eq 0 ]] || outcome="$outcome, FAILED (exit $status)"
  echo "<== [smoke] $title: $outcome"
  return "$status"
}

check_no_leftovers() {
  local names contents
  names="$(cd "$OUT" && find . \( -name bin -o -name obj \) -prune -o -iname '*cleantemplate*' -print)"
  contents="$(grep -rniI --exclude-dir=bin --exclude-dir=obj cleantemplate "$OUT" || true)"
  if [[ -n "$names" || -n "$contents" ]]; then
    echo "error: the generated solution still contains 'CleanTemplate' (any case):" >&2
    [[ -z "$names" ]] || printf 'in names:\n%s\n' "$names" >&2
    [[ -z "$contents" ]] || printf 'in contents:\n%s\n' "${contents//"$OUT"\//}" >&2
    return 1
  fi
  local solution
  solution="$(find "$OUT" -maxdepth 1 -name '*.slnx' -print -quit)"
  [[ -n "$solution" ]] || { echo "error: no .slnx at the root of $OUT" >&2; return 1; }
  echo "no leftovers; solution: ${solution#"$WORK"/}"
}

# The item template as a user runs it from the solution's root: a command in a feature of the sample, a query in a
# new feature. Then the solution builds again, and the new handler tests (which must be found) and the architecture
# tests run on it.
add_use_cases() {
  (cd "$OUT" && dotnet new clean-usecase -n PublishArticle --feature Articles --solution "$NAME")
  (cd "$OUT" && dotnet new clean-usecase -n GetInvoice --feature Billing --kind query --solution "$NAME")
  check_no_leftovers || leftovers=1
  dotnet build "$OUT" -c Release -nodeReuse:false -p:TreatWarningsAsErrors=true
  dotnet test "$OUT/tests/$NAME.Application.IntegrationTests" -c Release --no-build \
    --filter "FullyQualifiedName~.Articles.PublishArticleTests|FullyQualifiedName~.Billing.GetInvoiceTests" \
    --logger trx --results-directory "$RESULTS/usecases/handlers" -- RunConfiguration.TreatNoTestsAsError=true
  dotnet test "$OUT/tests/$NAME.ArchitectureTests" -c Release --no-build \
    --logger trx --results-directory "$RESULTS/usecases/architecture"
}

step "pack template" dotnet pack "$ROOT/template" -c Release -o "$WORK/nupkg" -p:TreatWarningsAsErrors=true
nupkg="$(find "$WORK/nupkg" -name '*.nupkg' -print -quit)"
step "install $(basename "$nupkg")" dotnet new install "$nupkg"
refuses_digit_first_name() {
  local log="$WORK/refused.log"
  if dotnet new clean-template -n 2Shop -o "$WORK/2Shop" >"$log" 2>&1; then
    echo "error: dotnet new clean-template -n 2Shop succeeded; a name starting with a digit must be refused" >&2
    return 1
  fi
  grep -q -- '--name-must-start-with-a-letter' "$log" \
    || { echo "error: -n 2Shop was refused, but not for its name:" >&2; cat "$log" >&2; return 1; }
  echo "refused, as it should be: $(head -n 1 "$log")"
}
step "dotnet new clean-template -n 2Shop is refused" refuses_digit_first_name
step "dotnet new clean-template -n $NAME ${NEW_OPTIONS[*]}" dotnet new clean-template -n "$NAME" -o "$OUT" "${NEW_OPTIONS[@]}"
# A leftover fails the run, but only at the end, so that build and test results still come out.
leftovers=0
step "check names and contents" check_no_leftovers || leftovers=1
step "build (Release, warnings are errors)" dotnet build "$OUT" -c Release -nodeReuse:false -p:TreatWarningsAsErrors=true
step "test" dotnet test "$OUT" -c Release --no-build --logger trx --results-directory "$RESULTS"
step "db check (every model change has its migration)" dotnet run --project "$OUT/src/$NAME.Cli" -c Release --no-build -- db check
step "dotnet new clean-usecase, build and test again" add_use_cases
if [[ $leftovers -ne 0 ]]; then
  echo "[smoke] FAILED: the generated solution still contains 'CleanTemplate' (see above)" >&2
  exit 1
fi
echo "[smoke] passed; test results in $RESULTS"
