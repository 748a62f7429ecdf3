#!/bin/sh
# Rebuild comicboard's CMYK output profile from the FOGRA39 characterisation data (zlib licence) with Argyll.
# Needs Debian/Ubuntu packages: icc-profiles-free (FOGRA39L.ti3, sRGB.icc) and argyll (colprof). ~2 min.
#   -qm medium quality tables   -kr ramp black generation   -l300 total ink limit 300 %   -L100 black limit
#   -S sRGB.icc  gamut-map the perceptual/saturation tables for sRGB sources   -nc  leave the .ti3 data out
set -eu
SRC=${ICC_SRC:-/usr/share/color/icc}
OUT=$(cd "$(dirname "$0")/.." && pwd)/comicboard/data/icc
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cp "$SRC/FOGRA39L.ti3" "$TMP/comicboard-fogra39.ti3"
colprof -qm -kr -l300 -L100 -nc -S "$SRC/sRGB.icc" \
  -D "comicboard CMYK (FOGRA39, 300% TAC)" \
  -C "zlib licence. Altered version: computed by comicboard from FOGRA39L.ti3 (c) Kai-Uwe Behrmann" \
  "$TMP/comicboard-fogra39"
cp "$TMP/comicboard-fogra39.icc" "$OUT/comicboard-fogra39.icc"
cp "$SRC/sRGB.icc" "$OUT/sRGB.icc"
echo "wrote $OUT/comicboard-fogra39.icc and $OUT/sRGB.icc"
