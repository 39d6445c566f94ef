#!/usr/bin/env bash
# The completion tests drive real bash, zsh and fish: install the ones missing (Debian/Ubuntu
# with apt-get, as root or through sudo). Does nothing when all three are there.
set -euo pipefail
missing=()
for shell in bash zsh fish; do
    command -v "$shell" >/dev/null || missing+=("$shell")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing ${missing[*]} for the completion tests" >&2
if ! command -v apt-get >/dev/null; then
    echo "no apt-get here: install ${missing[*]} with your package manager, then run the tests" >&2
    exit 1
fi
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
