#!/usr/bin/env bash
# The one command that passes all the tests on a fresh Debian machine: it installs what the integration
# tests need from Debian's packages when missing, builds, runs every test assembly, and prints as its last
# line "N passed, N failed, N skipped" summed over all of them. Its exit code is the suite's.
set -uo pipefail
cd "$(dirname "$0")/.."

# Debian packages the integration tests start on loopback (see README, "Tests").
PACKAGES=(openssh-server openssh-sftp-server openssh-client nginx prometheus postgresql git python3 python3-proxmoxer python3-requests iproute2
  clang zlib1g-dev)  # the Native AOT publish (tests/.../Operator/NativeAotSandboxTests.cs, the Dockerfile)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "installing from Debian: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || echo "warning: could not install ${missing[*]}; the tests that need them will fail" >&2
  else
    echo "warning: missing Debian packages (${missing[*]}); run as root to install them" >&2
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1
results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build Zentoria.Reconciler.sln -c Release -nologo -v quiet; then
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

# The tests host the operator in their own process: its sockets complete the way they do in the operator
# (src/Zentoria.Reconciler/Hosting/InlineSocketCompletions.cs), which the runtime reads only from the environment.
export DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1
dotnet test Zentoria.Reconciler.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [[ -f $trx ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { sed -nE "s/.* $1=\"([0-9]+)\".*/\1/p" <<<"$counters"; }
  p=$(get passed) t=$(get total)
  f=$(($(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  # VSTest leaves notExecuted at 0 for ignored NUnit tests; whatever neither passed nor failed was skipped.
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + t - p - f))
done
if ((status != 0 && failed == 0)); then failed=1; fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
