# The demo that ./froster run starts with: the demo model (committed under demo/model, rebuilt by
# `./froster demo-model`, see demo/README.md) and a catalogue of synthetic action videos generated
# on first start. The server registers and activates the model and imports the vocabulary itself
# (froster.demo.* variables, see liberty-config/README.md); the pipeline ingests, embeds and tags.
# shellcheck shell=bash

# Copies the demo bundle into the models root under a name of its own (demo-<12 hex of its
# weights' sha256>: a new committed model never overwrites the files of the version a database
# already uses; the server promotes it, see demo/README.md "In the product"), generates the demo
# catalogue once and copies its videos into the watched folder, and exports the server's
# froster.demo.* variables.
prepare_demo() {
  # Exported so that the server reads the same folders the launcher fills (its own defaults are
  # under $FROSTER_HOME/var, which differs when FROSTER_VAR is set).
  export FROSTER_MODELS_ROOT=${FROSTER_MODELS_ROOT:-$FROSTER_VAR/models}
  export FROSTER_INGEST_ROOTS=${FROSTER_INGEST_ROOTS:-$FROSTER_VAR/ingest}
  local models=$FROSTER_MODELS_ROOT
  local source=$FROSTER_HOME/demo/model
  [ -f "$source/manifest.json" ] || die "the demo model is missing: $source (rebuild: ./froster demo-model --output demo/model)"
  local name
  name=demo-$(sha256sum "$source/weights.safetensors" | cut -c1-12)
  local bundle=$models/$name
  if ! cmp -s "$source/manifest.json" "$bundle/manifest.json" 2>/dev/null; then
    say "copying the demo model into $bundle"
    mkdir -p "$models"
    rm -rf "$bundle.tmp" && cp -r "$source" "$bundle.tmp" && rm -rf "$bundle" && mv "$bundle.tmp" "$bundle"
  fi

  local catalogue=$FROSTER_VAR/demo-catalogue
  if [ ! -f "$catalogue/moments.tsv" ]; then
    say "generating the demo catalogue in $catalogue"
    rm -rf "$catalogue.tmp"
    "$FROSTER_HOME/froster" demo-catalogue --output "$catalogue.tmp" >/dev/null
    rm -rf "$catalogue" && mv "$catalogue.tmp" "$catalogue"
  fi
  # Only the videos go to the watched folder: the ground truth and the vocabulary are not media.
  local watch=${FROSTER_INGEST_WATCH:-${FROSTER_INGEST_ROOTS%%:*}/watch}
  # Staged outside the watched folder, which registers every file it finds, and moved in whole.
  if [ ! -d "$watch/demo" ]; then
    rm -rf "$catalogue.videos"
    mkdir -p "$catalogue.videos" "$watch"
    cp "$catalogue"/*.mp4 "$catalogue.videos/"
    mv "$catalogue.videos" "$watch/demo"
  fi

  export FROSTER_DEMO_MODEL=$name
  export FROSTER_DEMO_VOCABULARY=$catalogue/vocabulary.csv
}
