# OpenBao server for docker-compose: raft storage in a volume, so secrets survive restarts.
storage "raft" {
  path    = "/openbao/data"
  node_id = "workspace-1"
}
listener "tcp" {
  address     = "0.0.0.0:8200"
  tls_disable = true
}
api_addr     = "http://openbao:8200"
cluster_addr = "http://openbao:8201"
audit "file" "workspace-audit" {
  options {
    file_path = "/openbao/data/audit.log"
  }
}
