#!/usr/bin/env bash
# Makes sure the OS packages the local suite and the tests need are present: PostgreSQL, Redis,
# librdkafka (for the Kafka-protocol mock broker), a C compiler and CJK fonts (bulletin PDFs).
# As root it installs what is missing with apt; otherwise it prints the exact command and stops.
set -euo pipefail

missing=()
have_postgres() { ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || command -v pg_ctl >/dev/null 2>&1; }
have_postgres || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -f /usr/include/librdkafka/rdkafka_mock.h ] || missing+=(librdkafka-dev)
command -v cc >/dev/null 2>&1 || missing+=(gcc)
command -v setpriv >/dev/null 2>&1 || missing+=(util-linux)
ls /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc >/dev/null 2>&1 || missing+=(fonts-noto-cjk)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "xiaojian: missing OS packages: ${missing[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then
  echo "xiaojian: install them as root, then run the command again:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "xiaojian: installing with apt-get (this happens once) ..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts the packaged servers; the suite runs its own on free ports, so stop them.
for service in redis-server postgresql; do
  if command -v service >/dev/null 2>&1; then service "$service" stop >/dev/null 2>&1 || true; fi
done
echo "xiaojian: installed ${missing[*]}" >&2
