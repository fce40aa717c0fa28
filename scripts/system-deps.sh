#!/usr/bin/env bash
# System programs the test suite drives for real: Debian's headless Chromium and its chromedriver (the status
# page test) and redis-server (distributed mode). Installed only where missing, and only where apt-get can run as root;
# elsewhere the tests that need them skip with a message naming the missing program.
set -uo pipefail

wanted=()
command -v chromium >/dev/null 2>&1 || wanted+=(chromium)
command -v chromedriver >/dev/null 2>&1 || wanted+=(chromium-driver)
command -v redis-server >/dev/null 2>&1 || wanted+=(redis-server)
[ ${#wanted[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "system-deps: missing ${wanted[*]} and cannot install (needs apt-get as root); those tests will skip" >&2
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
echo "system-deps: installing ${wanted[*]}" >&2
if ! apt-get install -y -q --no-install-recommends "${wanted[@]}" >/tmp/system-deps.log 2>&1; then
    apt-get update -q >>/tmp/system-deps.log 2>&1
    apt-get install -y -q --no-install-recommends "${wanted[@]}" >>/tmp/system-deps.log 2>&1 \
        || echo "system-deps: could not install ${wanted[*]} (see /tmp/system-deps.log); those tests will skip" >&2
fi
exit 0
