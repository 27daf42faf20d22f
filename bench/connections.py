#!/usr/bin/env python3
"""Clients for bench/connections.sh (Python 3 standard library only).

  connections.py idle HOST PORT TOKEN COUNT INTERVAL READY_FILE RESULT_FILE
      Opens COUNT connections, each with one completed request, and keeps every one of them alive
      with a request every INTERVAL seconds (the requests of all connections spread evenly over
      the interval), until SIGTERM; then writes its counts as JSON to RESULT_FILE. READY_FILE is
      written once all connections are open. On SIGUSR1 every connection sends its request
      within 2 s, then READY_FILE.quiet is written: no request follows for INTERVAL - 2 s.

  connections.py uploads HOST PORT TOKEN COUNT SIZE CHUNK INTERVAL_MS RESULT_FILE
      COUNT raw uploads at once, each a different PDF of about SIZE bytes sent CHUNK bytes every
      INTERVAL_MS milliseconds; checks that each is answered 201 with the SHA-256 of what was
      sent, and writes the counts and durations as JSON to RESULT_FILE.
"""

import asyncio
import hashlib
import json
import os
import random
import signal
import sys
import time


async def read_response(reader):
    """Reads one HTTP/1.1 response (Content-Length or chunked); returns (status, body, close)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = b""
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await reader.readuntil(b"\r\n")
                break
            body += await reader.readexactly(size)
            await reader.readexactly(2)
    else:
        body = await reader.readexactly(int(headers.get("content-length", "0")))
    return status, body, headers.get("connection", "").lower() == "close"


# ---------------------------------------------------------------------------- idle connections


async def idle(host, port, token, count, interval, ready_file, result_file):
    counts = {
        "opened": 0,
        "refused": 0,
        "reset": 0,  # reset, or closed by the server, on a kept-alive connection
        "other_errors": 0,
        "not_200": 0,
        "requests": 0,
        "first_answers": 0,
        "open_at_end": 0,
        "open_seconds": 0.0,
    }
    request = (
        f"GET /actuator/health/liveness HTTP/1.1\r\nHost: {host}:{port}\r\n"
        f"Authorization: Token {token}\r\n\r\n"
    ).encode()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    open_now = set()

    def stop_now():
        counts["open_at_end"] = len(open_now)  # before the connections start closing
        stop.set()

    loop.add_signal_handler(signal.SIGTERM, stop_now)
    loop.add_signal_handler(signal.SIGINT, stop_now)
    opening = asyncio.Semaphore(100)  # the server's accept queue is 200
    next_at = {}
    wake = [asyncio.Event()]
    in_round = set()

    def quiet_round():
        """SIGUSR1: every open connection sends its request within the next 2 s, so that none
        sends another for `interval` seconds after that (READY_FILE.quiet is written then)."""
        now = time.monotonic()
        in_round.update(open_now)
        for i in open_now:
            next_at[i] = now + 2 * i / count
        wake[0].set()
        wake[0] = asyncio.Event()

    loop.add_signal_handler(signal.SIGUSR1, quiet_round)

    async def ask(reader, writer):
        writer.write(request)
        await writer.drain()
        status, _, close = await read_response(reader)
        counts["requests"] += 1
        if status != 200:
            counts["not_200"] += 1
        if close:
            raise ConnectionResetError("the server closed the connection")

    async def one(i):
        try:
            async with opening:
                reader, writer = await asyncio.open_connection(host, port)
                counts["opened"] += 1
                await ask(reader, writer)
                counts["first_answers"] += 1
        except ConnectionRefusedError:
            counts["refused"] += 1
            return
        except (ConnectionError, asyncio.IncompleteReadError):
            counts["reset"] += 1
            return
        except OSError as e:
            counts["other_errors"] += 1
            print(f"connection {i}: {e!r}", file=sys.stderr)
            return
        open_now.add(i)
        # the next requests of all connections are spread evenly over the interval
        next_at[i] = time.monotonic() + interval * (i / count)
        try:
            while not stop.is_set():
                woken = wake[0]
                waiting = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(woken.wait())]
                await asyncio.wait(waiting, timeout=max(0.0, next_at[i] - time.monotonic()),
                                   return_when=asyncio.FIRST_COMPLETED)
                for w in waiting:
                    w.cancel()
                if stop.is_set():
                    break
                if time.monotonic() < next_at[i]:
                    continue  # rescheduled
                await ask(reader, writer)
                next_at[i] += interval
                if i in in_round:
                    in_round.discard(i)
                    if not in_round:
                        with open(ready_file + ".quiet", "w") as f:
                            f.write("quiet\n")
        except (ConnectionError, asyncio.IncompleteReadError):
            counts["reset"] += 1
        except OSError as e:
            counts["other_errors"] += 1
            print(f"connection {i}: {e!r}", file=sys.stderr)
        finally:
            open_now.discard(i)
            writer.close()

    started = time.monotonic()
    tasks = [asyncio.create_task(one(i)) for i in range(count)]
    while counts["opened"] + counts["refused"] + counts["other_errors"] < count and not stop.is_set():
        await asyncio.sleep(0.1)
    # every connection has had its first answer, or failed
    while counts["first_answers"] + counts["refused"] + counts["reset"] + counts["other_errors"] < count:
        await asyncio.sleep(0.1)
    counts["open_seconds"] = round(time.monotonic() - started, 1)
    with open(ready_file, "w") as f:
        f.write(f"{len(open_now)}\n")
    await stop.wait()
    await asyncio.gather(*tasks, return_exceptions=True)
    with open(result_file, "w") as f:
        json.dump(counts, f)


# ---------------------------------------------------------------------------- slow uploads


def make_pdf(size):
    """A PDF of about `size` bytes that the server accepts (as make_pdf in bench/run.sh): one page
    and a stream of random bytes that nothing refers to. Returns (bytes, sha256)."""
    parts = [b"%PDF-1.4\n"]
    offsets = []
    for obj in (
        b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
        b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
        b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n",
    ):
        offsets.append(sum(map(len, parts)))
        parts.append(obj)
    offsets.append(sum(map(len, parts)))
    pad = max(1, size - offsets[-1] - 300)
    parts.append(b"4 0 obj\n<< /Length %d >>\nstream\n" % pad)
    parts.append(os.urandom(pad))
    parts.append(b"\nendstream\nendobj\n")
    xref = sum(map(len, parts))
    table = b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    parts.append(table + b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    data = b"".join(parts)
    return data, hashlib.sha256(data).hexdigest()


async def uploads(host, port, token, count, size, chunk, interval_ms, result_file):
    results = {"ok": 0, "wrong_sha256": 0, "errors": 0, "statuses": {}, "durations": []}
    start_line = asyncio.Event()

    async def one(i):
        data, expected = make_pdf(size)
        await start_line.wait()
        started = time.monotonic()
        writer = None
        try:
            reader, writer = await asyncio.open_connection(host, port)
            writer.write(
                (
                    f"POST /api/files?name=slow-{i}.pdf HTTP/1.1\r\nHost: {host}:{port}\r\n"
                    f"Authorization: Token {token}\r\nContent-Type: application/pdf\r\n"
                    f"Content-Length: {len(data)}\r\n\r\n"
                ).encode()
            )
            view = memoryview(data)
            # the first chunk at a random moment of the first interval, so that the 500 do not
            # arrive in lockstep
            await asyncio.sleep(random.random() * interval_ms / 1000)
            for offset in range(0, len(data), chunk):
                writer.write(view[offset : offset + chunk])
                await writer.drain()
                if offset + chunk < len(data):
                    await asyncio.sleep(interval_ms / 1000)
            status, body, _ = await asyncio.wait_for(read_response(reader), 600)
            results["statuses"][str(status)] = results["statuses"].get(str(status), 0) + 1
            if status == 201:
                if json.loads(body).get("sha256") == expected:
                    results["ok"] += 1
                else:
                    results["wrong_sha256"] += 1
            else:
                print(f"upload {i}: {status} {body[:300]!r}", file=sys.stderr)
        except Exception as e:  # noqa: BLE001 - every failure is counted and shown
            results["errors"] += 1
            print(f"upload {i}: {e!r}", file=sys.stderr)
        finally:
            results["durations"].append(time.monotonic() - started)
            if writer is not None:
                writer.close()

    tasks = [asyncio.create_task(one(i)) for i in range(count)]
    await asyncio.sleep(0)
    start_line.set()
    await asyncio.gather(*tasks)
    d = sorted(results["durations"])
    results["durations"] = {
        "min": round(d[0], 1),
        "p50": round(d[len(d) // 2], 1),
        "max": round(d[-1], 1),
    }
    with open(result_file, "w") as f:
        json.dump(results, f)


def main():
    mode, host, port, token = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    rest = sys.argv[5:]
    if mode == "idle":
        asyncio.run(idle(host, port, token, int(rest[0]), float(rest[1]), rest[2], rest[3]))
    elif mode == "uploads":
        asyncio.run(
            uploads(host, port, token, int(rest[0]), int(rest[1]), int(rest[2]), int(rest[3]), rest[4])
        )
    else:
        sys.exit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
