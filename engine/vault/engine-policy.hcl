# What the engine may do in Vault/OpenBao, and nothing more:
# partner-scoped KV v2 secrets, platform settings (read only), its own transit key, response wrapping for share links,
# and keeping its own token alive.
path "partner-kv/data/partners/*" {
  capabilities = ["create", "read", "update", "delete"]
}
path "partner-kv/metadata/partners/*" {
  capabilities = ["create", "read", "update", "delete", "list"]
}
path "partner-kv/delete/partners/*" {
  capabilities = ["update"]
}
path "partner-kv/undelete/partners/*" {
  capabilities = ["update"]
}
path "partner-kv/destroy/partners/*" {
  capabilities = ["update"]
}
# Platform settings ops keep in Vault (the SMS gateway): read only.
path "partner-kv/data/platform/*" {
  capabilities = ["read"]
}
path "transit/encrypt/partner-workspace" {
  capabilities = ["update"]
}
path "transit/decrypt/partner-workspace" {
  capabilities = ["update"]
}
path "sys/wrapping/wrap" {
  capabilities = ["update"]
}
path "sys/wrapping/lookup" {
  capabilities = ["update"]
}
path "sys/wrapping/unwrap" {
  capabilities = ["update"]
}
path "auth/token/renew-self" {
  capabilities = ["update"]
}
path "auth/token/lookup-self" {
  capabilities = ["read"]
}
