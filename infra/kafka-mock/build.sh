#!/bin/sh
# Builds build/mock_cluster from mock_cluster.c when the binary is missing or older than the source.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src="$here/mock_cluster.c"
out="$here/build/mock_cluster"

if [ -x "$out" ] && [ "$out" -nt "$src" ]; then
  exit 0
fi

if [ ! -f /usr/include/librdkafka/rdkafka_mock.h ]; then
  echo "kafka-mock: librdkafka headers not found (/usr/include/librdkafka/rdkafka_mock.h)." >&2
  echo "kafka-mock: install them with: apt-get install -y librdkafka-dev gcc" >&2
  exit 1
fi
if ! command -v cc >/dev/null 2>&1; then
  echo "kafka-mock: no C compiler (cc) found. Install one with: apt-get install -y gcc" >&2
  exit 1
fi

mkdir -p "$here/build"
# Compile to a temporary name so a concurrent or interrupted build never leaves a broken binary.
tmp="$out.$$.tmp"
cc -O2 -Wall -Wextra -o "$tmp" "$src" -lrdkafka -lpthread -ldl
mv -f "$tmp" "$out"
echo "kafka-mock: built $out" >&2
