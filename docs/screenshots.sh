#!/usr/bin/env bash
# Regenerates docs/list.svg and docs/reader.svg from a real run of kabar on
# the demo library, and docs/story.svg from a library of the store's story
# fixture: tmux plays the keys, capture-pane keeps the colours, and
# charmbracelet/freeze draws the capture.
#   go install github.com/charmbracelet/freeze@latest   (once)
#   docs/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
freeze=$(command -v freeze || echo "$(go env GOPATH)/bin/freeze")
[ -x "$freeze" ] || { echo "freeze not found: go install github.com/charmbracelet/freeze@latest"; exit 1; }
tmp=$(mktemp -d)
trap 'tmux kill-session -t kabar-shots 2>/dev/null || true; rm -rf "$tmp"' EXIT
go build -o "$tmp/kabar" .
tmux new-session -d -s kabar-shots -x 100 -y 28 "env TERM=xterm-256color COLORTERM=truecolor $tmp/kabar demo"
wait_for() { for _ in $(seq 1 100); do tmux capture-pane -p -t kabar-shots | grep -q "$1" && return; sleep 0.1; done; echo "never saw $1"; exit 1; }
shot() {
  tmux capture-pane -e -p -t kabar-shots > "$tmp/$1.ansi"
  "$freeze" "$tmp/$1.ansi" --language ansi --window --padding 20 --font.size 14 -o "docs/$1.svg" >/dev/null
}
wait_for "Welcome to kabar"
tmux send-keys -t kabar-shots j j j j j
sleep 0.3
shot list
tmux send-keys -t kabar-shots Enter
wait_for "Kepala desa setempat"
tmux send-keys -t kabar-shots G Tab Tab Tab
sleep 0.3
shot reader
tmux kill-session -t kabar-shots
"$tmp/kabar" --db "$tmp/stories.db" import store/testdata/stories >/dev/null
tmux new-session -d -s kabar-shots -x 100 -y 28 "env TERM=xterm-256color COLORTERM=truecolor $tmp/kabar --db $tmp/stories.db"
wait_for "Korban Banjir"
tmux send-keys -t kabar-shots G Enter
wait_for "by Rahmat Hidayat"
tmux send-keys -t kabar-shots T
wait_for "Story ·"
sleep 0.3
shot story
echo "wrote docs/list.svg docs/reader.svg docs/story.svg"
