#!/usr/bin/env python3
"""Check a Fenquan county ledger's checkpoint from outside the server (R44).

    python3 check-checkpoint.py PREFIX TRUSTFILE [KEPT_CHECKPOINT]

PREFIX     the county's public prefix, e.g. https://fenquan.example/transparency/<county-id>
TRUSTFILE  the trust file you keep (fenquan keys export-trust): "log VKEY" and "witness VKEY" lines
KEPT       optional: a checkpoint you saved earlier (or a witness's); the current one must extend it

Checks the log's Ed25519 signature (C2SP signed-note), names the trusted witnesses whose
cosignatures (C2SP tlog-cosignature/v1) are valid, and with KEPT verifies the RFC 6962
consistency proof served at PREFIX/consistency. Python 3 standard library plus the
`cryptography` package (Debian: python3-cryptography). Exit 0 when all checks pass.
"""
import base64, hashlib, struct, sys, urllib.request
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.exceptions import InvalidSignature


SM2_IDENTIFIER = b"fenquan.sm2-sm3/v1"  # after the 0xff type byte in an SM2 key's ID hash


def vkey(text):
    name, key_id, material = text.strip().split("+", 2)
    raw = base64.b64decode(material)
    kid = hashlib.sha256(name.encode() + b"\n" + raw[:1] + (SM2_IDENTIFIER if raw[0] == 0xFF else b"") + raw[1:]).digest()[:4]
    if kid.hex() != key_id:
        raise ValueError("key id does not match: " + text)
    # An SM2 key (type 0xff) is kept but not used: this script checks the Ed25519 line; SM2 lines are
    # checked by `fenquan verify --trust` (and OpenSSL), and skipped here as signed-note allows.
    return name, raw[0], kid, Ed25519PublicKey.from_public_bytes(raw[1:]) if raw[0] != 0xFF else None


def parse_note(note):
    text, _, sigs = note.rpartition("\n\n")
    text += "\n"
    lines = []
    for line in sigs.strip("\n").split("\n"):
        if not line.startswith("\u2014 "):
            raise ValueError("bad signature line")
        name, b64 = line[2:].rsplit(" ", 1)
        lines.append((name, base64.b64decode(b64)))
    origin, size, root = text.split("\n")[:3]
    return text, lines, origin, int(size), base64.b64decode(root)


def verify(key, message, signature):
    try:
        key.verify(signature, message)
        return True
    except InvalidSignature:
        return False


def node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def consistent(size1, size2, root1, root2, proof):
    """RFC 9162 section 2.1.4.2."""
    if size1 == size2:
        return not proof and root1 == root2
    if size1 == 0 or size1 > size2:
        return False
    if size1 & (size1 - 1) == 0:
        proof = [root1] + proof
    fn, sn = size1 - 1, size2 - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node(c, fr), node(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == root1 and sr == root2


def get(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


def main(prefix, trust_file, kept_file=None):
    logs, witnesses = [], []
    for line in open(trust_file, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            kind, key = line.split(None, 1)
            (logs if kind == "log" else witnesses).append(vkey(key))
    note = get(prefix.rstrip("/") + "/checkpoint")
    text, signatures, origin, size, root = parse_note(note)
    signed = any(verify(k, text.encode(), sig[4:]) for name, t, kid, k in logs if name == origin and t == 1
                 for sname, sig in signatures if sname == name and sig[:4] == kid)
    if not signed:
        sys.exit("FAIL: the checkpoint is not signed by a trusted log key")
    print(f"checkpoint {origin} size {size} root {base64.b64encode(root).decode()}: log signature OK")
    for name, t, kid, k in witnesses:
        for sname, sig in signatures:
            if sname == name and sig[:4] == kid and t == 4:
                ts = struct.unpack(">Q", sig[4:12])[0]
                if verify(k, f"cosignature/v1\ntime {ts}\n".encode() + text.encode(), sig[12:]):
                    print(f"cosigned by {name} at {ts}")
    if kept_file:
        ktext, ksigs, korigin, ksize, kroot = parse_note(open(kept_file, encoding="utf-8").read())
        if korigin != origin:
            sys.exit("FAIL: the kept checkpoint is for another log")
        if ksize > size:
            sys.exit(f"FAIL: rollback: kept size {ksize} root {base64.b64encode(kroot).decode()}, log now has {size}")
        proof = [base64.b64decode(l) for l in get(f"{prefix.rstrip('/')}/consistency?from={ksize}&to={size}").split()]
        if not consistent(ksize, size, kroot, root, proof):
            sys.exit(f"FAIL: fork: size {ksize} root {base64.b64encode(kroot).decode()} is not a prefix of size {size}")
        print(f"consistent with the kept checkpoint of size {ksize}")


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(*sys.argv[1:])
