#!/bin/sh
# Makes sure a Chromium is there for the browser tests: Debian's package,
# installed with apt-get when we are root, or a clear message otherwise.
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then exit 0; fi
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "chromium not found: installing Debian's chromium (apt-get install chromium)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && exit 0
fi
echo "The browser tests need Chromium. Install it with: sudo apt-get install chromium" >&2
echo "(or set CHROMIUM=/path/to/chrome)." >&2
[ -n "$CHROMIUM" ] && exit 0
exit 1
