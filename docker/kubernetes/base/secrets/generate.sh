#!/usr/bin/env bash
# Makes the keys every replica shares, into this directory (git-ignored): an RS256 key pair that signs and verifies
# the catalog's tokens, and the AES-256 key that encrypts stored Nebula sessions. Existing files are kept, since
# replacing them signs everyone out and makes stored sessions unreadable. Also copies the .env examples to fill in.
# Needs openssl.
set -euo pipefail
cd "$(dirname "$0")"
umask 077
if [[ ! -f jwt-private.pem || ! -f jwt-public.pem ]]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out jwt-private.pem 2>/dev/null
  openssl pkey -in jwt-private.pem -pubout -out jwt-public.pem
  echo "made jwt-private.pem and jwt-public.pem"
fi
if [[ ! -f session.key ]]; then
  openssl rand -base64 32 >session.key
  echo "made session.key"
fi
for f in database.env hub-tokens.env; do
  [[ -f $f ]] || { cp "$f.example" "$f"; echo "made $f from $f.example: fill it in"; }
done
