#!/bin/bash
# Honest UPOS figures for a POS model that trains on every UD file we have (UD GSD dev and UD CSUI
# train, as the shipped data/models/pos.bin does): k-fold cross-validation over both files. Fold f
# trains on the other folds of both (plus the IndoNLU bapos sets) and tags the raw text of fold f;
# the figures pool the folds, per treebank, with the shared scorer (../shared/eval/score_ud.py).
#
# Usage: tools/pos_kfold.sh BUILD/linimasa [SHARED_DIR (default ../shared)] [K (default 5)]
#        extra `train pos` options via POS_TRAIN_ARGS (e.g. POS_TRAIN_ARGS=--idn-shared)
# Prints one line per treebank: UPOS accuracy pooled over the folds. Needs /usr/bin/python3.
# Also lemma accuracy, with data/text/lemma_lexicon.tsv rebuilt from each fold's CSUI part
# (tools/build_lemma_lexicon.py), so the CSUI lemma figure is not a training score.
# Floors (a test: exit 1 below them): MIN_GSD, MIN_CSUI (UPOS %), MIN_CSUI_LEMMA (lemma %);
# default 0 = report only.
# Exit 77 (ctest's SKIPPED) without the shared data.
set -euo pipefail
bin=$(realpath "${1:?usage: tools/pos_kfold.sh BUILD/linimasa [SHARED_DIR] [K]}")
shared=$(realpath -m "${2:-../shared}")
k=${3:-5}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
d=$shared/data
[[ -f $d/ud-indonesian-gsd/id_gsd-ud-dev.conllu ]] || { echo "SKIPPED: no $d/ud-indonesian-gsd"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pos_kfold.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
py=/usr/bin/python3
# Round-robin folds over sentence blocks (deterministic).
$py - "$tmp" "$k" "$d/ud-indonesian-gsd/id_gsd-ud-dev.conllu" "$d/ud-indonesian-csui/id_csui-ud-train.conllu" <<'EOF'
import sys
tmp, k = sys.argv[1], int(sys.argv[2])
for name, src in zip(("gsd", "csui"), sys.argv[3:]):
    blocks = open(src, encoding="utf-8").read().strip("\n").split("\n\n")
    for f in range(k):
        for part, keep in (("test", lambda i: i % k == f), ("train", lambda i: i % k != f)):
            with open(f"{tmp}/{name}.{part}{f}.conllu", "w", encoding="utf-8") as out:
                out.write("\n\n".join(b for i, b in enumerate(blocks) if keep(i)) + "\n\n")
EOF
for ((f = 0; f < k; ++f)); do
  dd=$tmp/data$f
  mkdir -p "$dd/models"
  for x in "$repo"/data/*; do [[ $(basename "$x") == models || $(basename "$x") == text ]] || ln -s "$x" "$dd/"; done
  # The lemma lexicon is derived from UD CSUI train: rebuild it from this fold's training part.
  mkdir -p "$dd/text"
  for x in "$repo"/data/text/*; do [[ $(basename "$x") == lemma_lexicon.tsv ]] || ln -s "$x" "$dd/text/"; done
  $py "$repo/tools/build_lemma_lexicon.py" "$bin" --conllu "$tmp/csui.train$f.conllu" \
    >"$dd/text/lemma_lexicon.tsv" 2>"$tmp/lexicon$f.log" || { cat "$tmp/lexicon$f.log" >&2; exit 1; }
  # shellcheck disable=SC2086
  "$bin" train pos --ud "$d/ud-indonesian-csui/id_csui-ud-train.conllu" \
    --ud "$d/ud-indonesian-gsd/id_gsd-ud-dev.conllu" \
    --idn "$d/indonlu-bapos/train_preprocess.txt" --idn "$d/indonlu-bapos/valid_preprocess.txt" \
    --exclude "$tmp/gsd.test$f.conllu" --exclude "$tmp/csui.test$f.conllu" \
    --clusters "$repo/data/text/clusters.tsv" --data-dir "$dd" --out "$dd/models/pos.bin" \
    --epochs 8 ${POS_TRAIN_ARGS:-} 2>"$tmp/train$f.log" || { cat "$tmp/train$f.log" >&2; exit 1; }
  for tb in gsd csui; do
    $py "$shared/eval/ud_raw.py" "$tmp/$tb.test$f.conllu" >"$tmp/$tb.raw$f.txt"
    LINIMASA_DATA=$dd "$bin" tag conllu --in "$tmp/$tb.raw$f.txt" --out "$tmp/$tb.pred$f.conllu" 2>/dev/null
    $py "$shared/eval/score_ud.py" "$tmp/$tb.test$f.conllu" "$tmp/$tb.pred$f.conllu" | tail -n 1 |
      $py -c "import json,sys; d=json.load(sys.stdin); print('$tb', d['upos_correct'], d['upos_n'], d['lemma_correct'], d['lemma_n'])"
  done
done >"$tmp/scores"
awk -v k="$k" -v min_gsd="${MIN_GSD:-0}" -v min_csui="${MIN_CSUI:-0}" \
  -v min_lemma="${MIN_CSUI_LEMMA:-0}" '{c[$1] += $2; n[$1] += $3; lc[$1] += $4; ln[$1] += $5}
  END {
    bad = 0
    for (t in c) {
      acc = 100 * c[t] / n[t]
      floor = t == "gsd" ? min_gsd : min_csui
      printf "pos %d-fold %s: UPOS %.2f (%d of %d words; floor %.2f)\n", k, t, acc, c[t], n[t], floor
      if (acc < floor) bad = 1
      lem = 100 * lc[t] / ln[t]
      printf "lemma %d-fold %s: %.2f (%d of %d words%s)\n", k, t, lem, lc[t], ln[t],
        t == "csui" ? sprintf("; floor %.2f", min_lemma) : "; the lexicon comes from CSUI only"
      if (t == "csui" && lem < min_lemma) bad = 1
    }
    exit bad
  }' "$tmp/scores"
