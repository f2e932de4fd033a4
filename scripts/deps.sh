#!/usr/bin/env bash
# Installs linimasa's build dependencies from Debian packages (Debian 12 / bookworm). Idempotent:
# does nothing when everything is present. Pass --ci to add the sanitizer/fuzzing toolchain, --bench
# for the Python peers that bench/run.sh measures beside linimasa.
set -euo pipefail
pkgs=(build-essential cmake pkg-config libgumbo-dev nlohmann-json3-dev libsimdjson-dev libcli11-dev libre2-dev libabsl-dev libhunspell-dev hunspell-id
      zlib1g-dev libsqlite3-dev iso-codes libgtest-dev libgmock-dev libbenchmark-dev)
[[ "${1:-}" == "--ci" ]] && pkgs+=(clang libclang-rt-14-dev)
[[ "${1:-}" == "--bench" ]] && pkgs+=(python3-readability python3-dateparser python3-xapian)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
echo "linimasa: installing ${missing[*]}" >&2
sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
