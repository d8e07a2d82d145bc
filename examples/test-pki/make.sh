#!/usr/bin/env bash
# Makes the throw-away PKI of this folder, shaped as the ECA PKI is: a root; an issuing CA under it that asserts the
# ECA policies (2.16.840.1.101.3.2.1.12.1 to .10) and, as the real ones do, requires one on every path; a person's
# certificate from it with the ECA Medium Token SHA-256 policy (.5); and a certificate that names the same policy but
# is signed by itself. Its keys are thrown away: only
# the certificates are kept, with the two CAs' rows for a ruleset's sources/SOURCES.md (trust-rows.md). Run it from
# this folder.
set -euo pipefail
keys=$(mktemp -d)
trap 'rm -rf "$keys"' EXIT
eca=2.16.840.1.101.3.2.1.12
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$keys/$1.key"; }
mkdir -p trust
key root
openssl req -x509 -new -key "$keys/root.key" -subj "/C=US/O=Example Test PKI/OU=ECA/CN=Test ECA Root" -days 7300 \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -out trust/Test_ECA_Root.pem
key ca
openssl req -new -key "$keys/ca.key" -subj "/C=US/O=Example Test PKI/OU=ECA/CN=Test ECA Issuing CA" -out "$keys/ca.csr"
openssl x509 -req -in "$keys/ca.csr" -CA trust/Test_ECA_Root.pem -CAkey "$keys/root.key" -days 7000 \
  -extfile <(printf 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\npolicyConstraints=critical,requireExplicitPolicy:0\ncertificatePolicies=%s\n' \
    "$(seq -s, -f "$eca.%g" 1 10)") -out trust/Test_ECA_Issuing_CA.pem
key leaf
openssl req -new -key "$keys/leaf.key" -subj "/C=US/O=Example Supplier/CN=Pat Buyer" -out "$keys/leaf.csr"
openssl x509 -req -in "$keys/leaf.csr" -CA trust/Test_ECA_Issuing_CA.pem -CAkey "$keys/ca.key" -days 6900 \
  -extfile <(printf 'keyUsage=critical,digitalSignature\ncertificatePolicies=%s.5\n' "$eca") -out medium-token.pem
openssl req -x509 -new -key "$keys/leaf.key" -subj "/C=US/O=Example Supplier/CN=Pat Buyer" -days 6900 \
  -addext "certificatePolicies=$eca.5" -out self-signed-medium-token.pem

row() {
  local name issuer notBefore notAfter sha
  name=$(openssl x509 -in "trust/$1" -noout -subject -nameopt multiline | sed -n 's/ *commonName *= //p')
  issuer=$(openssl x509 -in "trust/$1" -noout -issuer -nameopt multiline | sed -n 's/ *commonName *= //p')
  notBefore=$(date -u -d "$(openssl x509 -in "trust/$1" -noout -startdate | cut -d= -f2)" +%F)
  notAfter=$(date -u -d "$(openssl x509 -in "trust/$1" -noout -enddate | cut -d= -f2)" +%F)
  sha=$(openssl x509 -in "trust/$1" -noout -fingerprint -sha256 | sed 's/.*=//; s/://g')
  echo "| $1 | $name | $issuer | $notBefore to $notAfter | $sha | made by examples/test-pki/make.sh |"
}
{
  printf '\n## The test PKI of examples/test-pki (for trying the certificate check; never for production)\n\n'
  printf '| file | certificate | issued by | valid | SHA-256 | page |\n|---|---|---|---|---|---|\n'
  row Test_ECA_Root.pem
  row Test_ECA_Issuing_CA.pem
} > trust-rows.md
