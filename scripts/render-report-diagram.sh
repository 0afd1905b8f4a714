#!/usr/bin/env bash
# Renders the Mermaid diagram of an access report to PNG with the Mermaid CLI and Debian's Chromium,
# which proves the diagram parses and draws as GitHub will show it.
#   scripts/render-report-diagram.sh [report.md] [out.png]
# Needs Chromium (apt-get install chromium); the Mermaid CLI comes from the npm registry via npx.
set -euo pipefail
report=${1:-cdktf.out/access-report.md}
out=${2:-docs/access-report-flagship.png}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "render-report-diagram: Chromium is missing; install it with 'apt-get install chromium'" >&2
  exit 1
fi
[ -f "$report" ] || { echo "render-report-diagram: $report not found; run 'npm run synth' first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
awk '/^```mermaid$/{on=1;next} /^```$/{on=0} on' "$report" > "$work/diagram.mmd"
[ -s "$work/diagram.mmd" ] || { echo "render-report-diagram: no mermaid block in $report" >&2; exit 1; }
cat > "$work/puppeteer.json" <<JSON
{"executablePath": "$browser", "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]}
JSON
start=$(date +%s)
PUPPETEER_SKIP_DOWNLOAD=1 npx -y @mermaid-js/mermaid-cli@11 -q -p "$work/puppeteer.json" -i "$work/diagram.mmd" -o "$out" -b white -w 1600
echo "rendered $out from $report in $(( $(date +%s) - start )) s"
