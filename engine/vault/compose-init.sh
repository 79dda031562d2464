#!/bin/sh
# docker-compose only (the openbao-init service, run as root): initialise OpenBao on its first start,
# unseal it on every start, then provision it for the engine with provision.sh, the script the launcher
# and the Testcontainers tests use too. Two volumes keep what it writes apart:
#   /openbao-keys/init.json     the unseal key and root token (local use only); mounted here alone
#   /engine-login/engine-approle.properties
#                               the engine's AppRole login, handed to the engine's user (ENGINE_UID,
#                               mode 0600); the engine mounts this volume read-only as /state/openbao
set -eu
export BAO_ADDR="${BAO_ADDR:-http://openbao:8200}"
: "${ENGINE_UID:?must be the user id of the engine image}"
keys=${OPENBAO_KEYS:-/openbao-keys}
login=${ENGINE_LOGIN:-/engine-login/engine-approle.properties}
here=$(cd "$(dirname "$0")" && pwd)
umask 077

# `bao status` exits 2 while the server is sealed, 1 while it does not answer.
until bao status >/dev/null 2>&1 || [ $? -eq 2 ]; do sleep 1; done
if ! bao status -format=json 2>/dev/null | tr -d ' \n' | grep -q '"initialized":true'; then
  # A new OpenBao (first start, or its volume was removed): new keys, and the engine needs a new login.
  bao operator init -key-shares=1 -key-threshold=1 -format=json >"$keys/init.json.tmp"
  mv "$keys/init.json.tmp" "$keys/init.json"
  rm -f "$login"
elif [ ! -s "$keys/init.json" ]; then
  echo "openbao-init: OpenBao is initialised, but its unseal key is not in $keys/init.json (the openbao-keys volume)." \
    "Start afresh with: docker compose down -v" >&2
  exit 1
fi
init=$(tr -d ' \n\r\t' <"$keys/init.json")
key=$(printf '%s' "$init" | sed -n 's/.*"unseal_keys_b64":\["\([^"]*\)".*/\1/p')
BAO_TOKEN=$(printf '%s' "$init" | sed -n 's/.*"root_token":"\([^"]*\)".*/\1/p')
if [ -z "$key" ] || [ -z "$BAO_TOKEN" ]; then
  echo "openbao-init: no unseal key or root token in $keys/init.json" >&2
  exit 1
fi
export BAO_TOKEN
bao operator unseal "$key" >/dev/null

# Raft needs a moment after unseal before the first write: retry a few times.
tries=1
until SMS_GATEWAY_URL=${SMS_GATEWAY_URL:-http://receiver:8026/sms} sh "$here/provision.sh" "$login"; do
  [ "$tries" -lt 10 ] || exit 1
  tries=$((tries + 1))
  sleep 2
done
chown "$ENGINE_UID" "$login"
chmod 0600 "$login"
echo "OpenBao ready"
