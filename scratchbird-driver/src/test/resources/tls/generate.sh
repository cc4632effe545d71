#!/bin/sh
# Regenerates the TLS fixtures of ClientTlsTest with OpenSSL 3 (run from this directory).
# Two CAs, server certificates (valid, expired, self-signed) with SANs localhost/127.0.0.1/::1,
# and client certificates whose keys are written in every PEM form ClientTls reads.
# Long-lived material is valid for 100 years; the expired certificate ended in 2001.
set -eu
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
days=36500
pass=changeit

ca() { # name subject
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days $days \
    -subj "$2" -keyout "$work/$1.key" -out "$1.crt" \
    -addext basicConstraints=critical,CA:true -addext keyUsage=critical,keyCertSign,cRLSign
}
ca ca "/CN=ScratchBird Test CA"
ca other-ca "/CN=Other Test CA"

cat > "$work/server.ext" <<EXT
basicConstraints=critical,CA:false
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1
EXT
cat > "$work/client.ext" <<EXT
basicConstraints=critical,CA:false
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth
EXT

# Server certificate signed by the test CA, plus a PKCS#12 bundle for the test server.
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
  -keyout "$work/server.key" -out "$work/server.csr"
openssl x509 -req -in "$work/server.csr" -CA ca.crt -CAkey "$work/ca.key" -CAcreateserial \
  -days $days -extfile "$work/server.ext" -out server.crt
openssl pkcs12 -export -in server.crt -inkey "$work/server.key" -name server -passout pass:$pass -out server.p12

# The same key in an expired certificate (openssl ca is the tool that takes explicit dates).
mkdir "$work/db"
: > "$work/db/index.txt"
echo 1000 > "$work/db/serial"
cat > "$work/ca.cnf" <<CNF
[ca]
default_ca = test
[test]
database = $work/db/index.txt
serial = $work/db/serial
new_certs_dir = $work/db
default_md = sha256
policy = any
copy_extensions = none
[any]
commonName = supplied
CNF
openssl ca -batch -config "$work/ca.cnf" -cert ca.crt -keyfile "$work/ca.key" -in "$work/server.csr" \
  -startdate 20000101000000Z -enddate 20010101000000Z -extfile "$work/server.ext" -notext -out server-expired.crt
openssl pkcs12 -export -in server-expired.crt -inkey "$work/server.key" -name server -passout pass:$pass \
  -out server-expired.p12

# A self-signed end-entity certificate, like the embedded server's persisted tls/server.crt.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days $days -subj "/CN=ScratchBird embedded server" \
  -keyout "$work/selfsigned.key" -out selfsigned.crt \
  -addext basicConstraints=critical,CA:false -addext keyUsage=critical,digitalSignature \
  -addext extendedKeyUsage=serverAuth -addext subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1
openssl pkcs12 -export -in selfsigned.crt -inkey "$work/selfsigned.key" -name server -passout pass:$pass \
  -out selfsigned.p12

# RSA client key: PKCS#8 PEM, PKCS#1 PEM, encrypted PKCS#8 PEM (PBES2/AES-256) and PKCS#8 DER.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out client-rsa.pkcs8.pem
openssl rsa -in client-rsa.pkcs8.pem -traditional -out client-rsa.pkcs1.pem
openssl pkcs8 -topk8 -in client-rsa.pkcs8.pem -v2 aes-256-cbc -passout pass:fixture-secret -out client-rsa.enc.pem
openssl pkcs8 -topk8 -nocrypt -in client-rsa.pkcs8.pem -outform DER -out client-rsa.pk8
openssl req -new -key client-rsa.pkcs8.pem -subj "/CN=alice" -out "$work/client-rsa.csr"
openssl x509 -req -in "$work/client-rsa.csr" -CA ca.crt -CAkey "$work/ca.key" -CAcreateserial \
  -days $days -extfile "$work/client.ext" -out client-rsa.crt

# EC client key in SEC1 form ("EC PRIVATE KEY" with the named curve inside).
openssl ecparam -name prime256v1 -genkey -noout -out client-ec.sec1.pem
openssl req -new -key client-ec.sec1.pem -subj "/CN=bob" -out "$work/client-ec.csr"
openssl x509 -req -in "$work/client-ec.csr" -CA ca.crt -CAkey "$work/ca.key" -CAcreateserial \
  -days $days -extfile "$work/client.ext" -out client-ec.crt
rm -f ca.srl
