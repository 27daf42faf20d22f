#!/usr/bin/env python3
"""Uploads a file with tus in pieces of a given size over one kept-alive connection, as the web
page does (8 MiB pieces, each with its SHA-256 in Upload-Checksum).

Usage: tus_pieces.py BASE_URL AUTH_HEADER FILE PIECE_MIB
Prints the last answer's JSON on one line, then "<bytes> <seconds>" from creation to the answer.
"""
import base64
import hashlib
import http.client
import os
import sys
import time
import urllib.parse


def main():
    base, auth, path, piece_mib = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    url = urllib.parse.urlsplit(base)
    name, value = auth.split(": ", 1)
    headers = {name: value, "Tus-Resumable": "1.0.0"}
    size = os.path.getsize(path)
    piece = piece_mib * 1024 * 1024
    connection = http.client.HTTPConnection(url.hostname, url.port)
    start = time.monotonic()
    filename = base64.b64encode(b"up.pdf").decode()
    connection.request(
        "POST",
        "/api/uploads/",
        headers={**headers, "Upload-Length": str(size), "Upload-Metadata": f"filename {filename}"},
    )
    created = connection.getresponse()
    created.read()
    if created.status != 201:
        sys.exit(f"creation answered {created.status}")
    location = urllib.parse.urlsplit(created.getheader("Location")).path
    offset = 0
    answer = b""
    with open(path, "rb") as f:
        while offset < size:
            body = f.read(piece)
            checksum = base64.b64encode(hashlib.sha256(body).digest()).decode()
            connection.request(
                "PATCH",
                location,
                body=body,
                headers={
                    **headers,
                    "Upload-Offset": str(offset),
                    "Upload-Checksum": f"sha256 {checksum}",
                    "Content-Type": "application/offset+octet-stream",
                    "Accept": "application/json",
                },
            )
            response = connection.getresponse()
            answer = response.read()
            if response.status not in (200, 204):
                sys.exit(f"PATCH at {offset} answered {response.status}: {answer[:200]!r}")
            offset += len(body)
    print(answer.decode().replace("\n", " "))
    print(size, time.monotonic() - start)


if __name__ == "__main__":
    main()
