#!/bin/sh
# docker-compose only: initialise and unseal the OpenBao container on first start (keys kept in the
# shared state volume, local use only), unseal it on later starts, then provision it for the engine.
set -eu
export BAO_ADDR=${BAO_ADDR:-http://openbao:8200}
state=/state/openbao
mkdir -p "$state"
until bao status -format=json >/dev/null 2>&1 || [ $? -eq 2 ]; do sleep 1; done
if [ ! -s "$state/init.json" ]; then
  (umask 077; bao operator init -key-shares=1 -key-threshold=1 -format=json > "$state/init.json")
fi
key=$(sed -n 's/.*"unseal_keys_b64": *\[ *"\([^"]*\)".*/\1/p' "$state/init.json" | head -1)
[ -n "$key" ] || key=$(tr -d '\n ' < "$state/init.json" | sed 's/.*"unseal_keys_b64":\["\([^"]*\)".*/\1/')
bao operator unseal "$key" >/dev/null
export BAO_TOKEN=$(tr -d '\n ' < "$state/init.json" | sed 's/.*"root_token":"\([^"]*\)".*/\1/')
sleep 3
sh /workspace-vault/provision.sh "$state/engine-approle.properties"
echo "OpenBao ready"
