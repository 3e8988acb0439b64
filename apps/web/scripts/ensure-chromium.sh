#!/bin/sh
# Installs Debian's Chromium when it is missing, so the end-to-end tests never skip for want of a browser.
# No browser downloads from elsewhere: only the distribution's package. Serialized with flock, since
# several test runs may start at once.
set -eu
CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
LOCK=/tmp/newsfuse-chromium-apt.lock
(
  flock 9
  [ -x "$CHROMIUM" ] && exit 0
  echo "ensure-chromium: installing Debian's chromium with apt-get" >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core >&2
) 9>"$LOCK"
[ -x "$CHROMIUM" ] || { echo "ensure-chromium: $CHROMIUM is still missing after apt-get" >&2; exit 1; }
