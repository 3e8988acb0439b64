#!/usr/bin/env sh
# The end-to-end test drives the real program in tmux; a fresh machine may not have it. Installs it with
# apt (as root, or through sudo) and refreshes the package lists only when the install needs them.
set -eu
command -v tmux >/dev/null 2>&1 && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -q tmux >/dev/null 2>&1 || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q tmux >/dev/null; }
command -v tmux >/dev/null 2>&1
