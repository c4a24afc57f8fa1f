#!/usr/bin/env bash
# Installs, from Debian's own packages, everything jbridge needs to build and test.
# Packages already present are left alone, so a second run needs no network.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config       # toolchain
  libsqlite3-dev sqlite3                 # the archive (sqlite3 is used by tests)
  nlohmann-json3-dev libcli11-dev        # JSON, command line
  libzstd-dev libssl-dev                 # capture compression, SHA-256
  libxml2-dev libcurl4-openssl-dev       # HTML/XML pages, online pulls
  libtomlplusplus-dev                    # mapping files and validation profiles
  libcpp-httplib-dev                     # loopback platform simulators (tests)
  libgtest-dev                           # tests
  util-linux                             # prlimit, for the disk-full tests
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
