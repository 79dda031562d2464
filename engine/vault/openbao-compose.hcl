# OpenBao server for docker-compose: raft storage in a volume, so secrets survive restarts.
# /openbao/file is the folder the image's entrypoint hands to its openbao user before starting the
# server as that user (docker-compose.yml mounts the openbao-data volume there).
storage "raft" {
  path    = "/openbao/file"
  node_id = "workspace-1"
}
listener "tcp" {
  address     = "0.0.0.0:8200"
  tls_disable = true
}
api_addr     = "http://openbao:8200"
cluster_addr = "http://openbao:8201"
# OpenBao only accepts audit devices declared in its configuration.
audit "file" "workspace-audit" {
  options {
    file_path = "/openbao/file/audit.log"
  }
}
