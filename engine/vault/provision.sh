#!/bin/sh
# Provisions a Vault/OpenBao server for the engine. Idempotent: safe on every start.
# Needs: the `bao` (or `vault`) CLI on PATH as $BAO, BAO_ADDR/VAULT_ADDR and a root token in BAO_TOKEN/VAULT_TOKEN.
# Writes the engine's AppRole login to $1 as Spring properties (mode 0600); a secret-id is issued only once.
# SMS_GATEWAY_URL (optional): where a new installation's SMS gateway points (the local receiver); a gateway
# already set up (partner-kv/platform/sms-gateway, by ops in production) is left alone.
set -eu
out="$1"
here=$(cd "$(dirname "$0")" && pwd)
BAO=${BAO:-bao}

mounted() { "$BAO" secrets list -format=json | grep -q "\"$1/\""; }
auth_enabled() { "$BAO" auth list -format=json | grep -q "\"$1/\""; }

mounted partner-kv || "$BAO" secrets enable -path=partner-kv -version=2 kv >/dev/null
mounted transit || "$BAO" secrets enable transit >/dev/null
"$BAO" read transit/keys/partner-workspace >/dev/null 2>&1 \
  || "$BAO" write -f transit/keys/partner-workspace >/dev/null
if [ -n "${SMS_GATEWAY_URL:-}" ] && ! "$BAO" kv get -mount=partner-kv platform/sms-gateway >/dev/null 2>&1; then
  # Twilio-shaped gateway settings; the token is random: the local receiver checks only that one is sent.
  "$BAO" kv put -mount=partner-kv platform/sms-gateway base-url="$SMS_GATEWAY_URL" \
    account-sid=AC0000000000000000000000000000local auth-token="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')" \
    from=+15005550006 >/dev/null
fi
auth_enabled approle || "$BAO" auth enable approle >/dev/null
"$BAO" policy write partner-workspace-engine "$here/engine-policy.hcl" >/dev/null
"$BAO" write auth/approle/role/partner-workspace-engine \
  token_policies=partner-workspace-engine token_ttl=1h token_max_ttl=24h \
  secret_id_ttl=0 token_num_uses=0 >/dev/null

if [ ! -s "$out" ]; then
  role_id=$("$BAO" read -field=role_id auth/approle/role/partner-workspace-engine/role-id)
  secret_id=$("$BAO" write -f -field=secret_id auth/approle/role/partner-workspace-engine/secret-id)
  umask 077
  printf 'workspace.vault.role-id=%s\nworkspace.vault.secret-id=%s\n' "$role_id" "$secret_id" > "$out.tmp"
  mv "$out.tmp" "$out"
fi
