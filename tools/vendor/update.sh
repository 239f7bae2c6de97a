#!/usr/bin/env bash
# Re-vendor the front-end libraries at the versions pinned in tools/vendor/package.json.
# To update: change a version there, run this script, look at the site, commit static/vendor/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
cp "$here/package.json" "$build/"
(cd "$build" && npm install --no-audit --no-fund --ignore-scripts >/dev/null)
n="$build/node_modules"
v="$root/static/vendor"
rm -rf "$v" && mkdir -p "$v"/{htmx,bootstrap/css,bootstrap/js,echarts,bootstrap-icons}
cp "$n/htmx.org/dist/htmx.min.js" "$n/htmx.org/LICENSE" "$v/htmx/"
cp "$n/bootstrap/dist/css/bootstrap.min.css" "$n/bootstrap/dist/css/bootstrap.min.css.map" "$v/bootstrap/css/"
cp "$n/bootstrap/dist/js/bootstrap.bundle.min.js" "$n/bootstrap/dist/js/bootstrap.bundle.min.js.map" "$v/bootstrap/js/"
cp "$n/bootstrap/LICENSE" "$v/bootstrap/"
cp "$n/echarts/dist/echarts.min.js" "$n/echarts/LICENSE" "$v/echarts/"
cp -r "$n/bootstrap-icons/font/bootstrap-icons.min.css" "$n/bootstrap-icons/font/fonts" "$n/bootstrap-icons/LICENSE" "$v/bootstrap-icons/"
echo "vendored into $v"
